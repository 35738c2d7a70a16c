"""E-mail newsletters: RFC 822 headers, MIME parts decoded, newsletter chrome removed.

Covers ``.eml`` files, mbox files (one record per message) and headers pasted
above a message. Headline = ``Subject:`` without ``Fwd:``/``Re:`` prefixes;
byline = the display name of ``From:``; date = ``Date:``. A forwarded
message's own ``From:``/``Date:``/``Subject:`` block names the article.

Sender names: a wire service (``Reuters``) goes to ``agencies``; a name of 2
to 4 capitalised words with no organisation word reads as a person (byline
and ``authors``); anything else (``The Morning Brief``) is a brand, kept as the
byline with no authors. URL: ``Archived-At:``, else the "view in browser"
link, whose target is the web version of the issue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..fields.markdown import NumberedLine, markdown_lines, strip_inline
from ..fields.text import paragraphs_from_lines, strip_markup
from ..lazyre import lazy_compile
from ..model import Provenance
from ..reading import normalise_text
from ..rules import email as rules
from . import sniffers
from .base import Context, Draft
from .common import is_junk, set_authors, set_body, set_date, set_text, set_url
from .sniffers import EMAIL_HEADER_LINE, MBOX_FROM, has_shape

NAME = "email"
DESCRIPTION = "e-mail (.eml, mbox, pasted headers): From:, Date:, Subject: above the message"
#: How likely a text is in this layout (0 to 1); kept apart from the parser, see :mod:`.sniffers`.
sniff = sniffers.email

_SUBJECT_PREFIX = lazy_compile(
    rules.SUBJECT_PREFIX.replace("PREFIXES", "|".join(re.escape(p) for p in rules.SUBJECT_PREFIXES)),
    re.IGNORECASE,
)
_BANNER = lazy_compile(r"^[ \t>]{0,6}(?:" + "|".join(rules.FORWARD_BANNERS) + r")\s*$", re.IGNORECASE)
_FORWARD_LABEL_LINE = lazy_compile(rules.FORWARD_LABEL_LINE)
_REPLY_ATTRIBUTION = lazy_compile(rules.REPLY_ATTRIBUTION)
_SENT_FROM = lazy_compile(rules.SENT_FROM, re.IGNORECASE)
_CHROME_SEPARATORS = lazy_compile(rules.CHROME_SEPARATORS)
_TRAILING_LINK = lazy_compile(rules.TRAILING_LINK)
_FOOTER_START = lazy_compile(r"^[ \t>]{0,6}(?:" + "|".join(rules.FOOTER_STARTS) + ")", re.IGNORECASE)
_VIEW_ONLINE_TEXT = lazy_compile(rules.VIEW_ONLINE_TEXT, re.IGNORECASE)
_VIEW_ONLINE_URL = lazy_compile(rules.VIEW_ONLINE_URL)
_BARE_URL_LINE = lazy_compile(rules.BARE_URL_LINE)
_INLINE_URL = lazy_compile(rules.INLINE_URL)
_PERSON_NAME = lazy_compile(rules.PERSON_NAME)
_LAST_COMMA_FIRST = lazy_compile(rules.LAST_COMMA_FIRST)
_PERSON_AT_ORG = lazy_compile(rules.PERSON_AT_ORG)
_WORD_EDGE = lazy_compile(r"^\W+|\W+$")
_SPACES = lazy_compile(r"\s+")
_IDENTITY_ENCODINGS = frozenset({"", "7bit", "8bit", "binary"})
_MAX_NAME = 120
_CHROME_MAX = 300


# --- sniffing and splitting -----------------------------------------------------------------


def parse(text: str, ctx: Context) -> list[Draft]:
    """One draft per message (an mbox file holds several)."""
    lines = text.split("\n")
    starts = split_mbox(lines)
    drafts = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        while start < end and not lines[start].strip():
            start += 1
        chunk = lines[start:end]
        while chunk and not chunk[-1].strip():
            chunk.pop()
        if not chunk:
            continue
        draft = parse_message("\n".join(chunk), ctx)
        draft.line_offset = start
        drafts.append(draft)
    return drafts


def split_mbox(lines: Sequence[str]) -> list[int]:
    """0-based first lines of each message: an mbox file splits at ``From `` lines after a blank line."""
    if not lines or not has_shape(MBOX_FROM, lines[0]):
        return [0]
    starts = [0]
    for index in range(1, len(lines) - 1):
        if (lines[index].startswith("From ") and not lines[index - 1].strip()
                and has_shape(MBOX_FROM, lines[index]) and EMAIL_HEADER_LINE.match(lines[index + 1])):
            starts.append(index)
    return starts


# --- one message ----------------------------------------------------------------------------


def parse_message(text: str, ctx: Context) -> Draft:
    """Headers to headline/byline/date, the best text part to the body."""
    import email
    import email.policy

    lines = text.split("\n")
    spans, body_start = header_spans(lines)
    msg = email.message_from_string(text, policy=email.policy.default)
    headers = read_headers(msg)
    plain, html = _text_parts(msg, lines, body_start)
    draft: Draft | None = None
    forwards: list[dict[str, tuple[str, int]]] = []
    view_url: tuple[str, int] | None = None
    if html is not None and (plain is None or _word_total(plain[0]) < rules.MIN_PLAIN_WORDS):
        draft, forwards, view_url = _from_html(html, ctx)
    if draft is None:
        draft = Draft()
        forwards, view_url = _body_from_text(draft, plain, html, headers.get("subject"))
    _set_forwarded(draft, forwards, ctx)
    _set_headers(draft, headers, spans, ctx, forwarded=bool(forwards))
    if view_url is not None:
        set_url(draft, view_url[0], rule="view-online-link", lines=(view_url[1], view_url[1]), confidence=0.6)
    return draft


def _body_from_text(draft: Draft, plain: tuple[list[NumberedLine], str] | None,
                    html: tuple[str, tuple[int, int], str] | None, subject: str | None
                    ) -> tuple[list[dict[str, tuple[str, int]]], tuple[str, int] | None]:
    """Body from the text/plain part (or the HTML part read as text); forwards and view link found on the way."""
    if plain is not None:
        numbered = plain[0]
    elif html is not None:
        numbered = _html_as_lines(html[0], html[1][0] + 1)
    else:
        return [], None
    forwards, body = split_forwards(numbered)
    body, view_url = clean_lines(body)
    title = strip_subject_prefixes(_innermost_subject(forwards) or subject or "")
    set_body(draft, paragraphs_from_lines(markdown_lines(body, title=title)), rule="email-text-body")
    return forwards, view_url


def header_spans(lines: Sequence[str]) -> tuple[dict[str, tuple[int, int]], int]:
    """Header name (case-folded) -> 1-based line range of its first occurrence; and the body's first index."""
    index = 1 if lines and has_shape(MBOX_FROM, lines[0]) else 0
    spans: dict[str, tuple[int, int]] = {}
    current: str | None = None
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            return spans, index + 1
        if line[0] in " \t":
            if current is not None:
                spans[current] = (spans[current][0], index + 1)
        else:
            match = EMAIL_HEADER_LINE.match(line)
            if match is None:
                return spans, index
            name = match.group(1).casefold()
            current = name if name not in spans else None
            if current is not None:
                spans[current] = (index + 1, index + 1)
        index += 1
    return spans, len(lines)


def strip_subject_prefixes(subject: str) -> str:
    """``Fwd: RE: AW: Title`` → ``Title``."""
    return _SUBJECT_PREFIX.sub("", subject, count=1).strip()


def sender_kind(display: str) -> tuple[str, str]:
    """Classify a From display name: (``agency``|``person``|``brand``, the name to record)."""
    from ..fields.bylines import canonical_agency

    name = " ".join(display.split()).strip("\"' ")
    if len(name) > _MAX_NAME:
        return "brand", name
    agency = canonical_agency(name)
    if agency:
        return "agency", agency
    flipped = _LAST_COMMA_FIRST.match(name)
    if flipped:
        return "person", f"{flipped.group(2)} {flipped.group(1)}"
    if _is_person(name):
        return "person", name
    at_org = _PERSON_AT_ORG.match(name)
    if at_org and _is_person(at_org.group(1).strip()):
        return "person", at_org.group(1).strip()
    return "brand", name


def _is_person(name: str) -> bool:
    if len(name) > _MAX_NAME or _PERSON_NAME.match(name) is None:
        return False
    words = [_WORD_EDGE.sub("", w).casefold() for w in name.split()]
    return not any(w in rules.ORGANISATION_WORDS for w in words)


# --- headers --------------------------------------------------------------------------------


def read_headers(msg: Any) -> dict[str, str]:
    """The headers the record uses, decoded once (encoded words resolved), keyed by folded name.

    A header longer than :data:`~newsclip.rules.email.MAX_DECODED_HEADER` is kept as
    written: the stdlib decoder is too slow on megabyte-long hostile values.
    """
    raw: dict[str, str] = {}
    for name, value in msg.raw_items():
        raw.setdefault(name.casefold(), str(value))
    out: dict[str, str] = {}
    for name in rules.USED_HEADERS:
        value = raw.get(name.casefold())
        if value is None:
            continue
        if len(value) <= rules.MAX_DECODED_HEADER:
            try:
                value = str(msg.get(name, value))
            except Exception:  # the email package raises odd errors on hostile headers
                pass
        value = " ".join(value.split())
        if value:
            out[name.casefold()] = value
    return out


def _display_name(raw: str) -> str:
    """The display name of an address (``Jane Doe <j@x>`` → ``Jane Doe``); empty when none."""
    if "<" in raw:
        name = raw[: raw.index("<")]
    elif "@" in raw:
        return ""
    else:
        name = raw
    name = " ".join(name.split()).strip("\"' ")
    return "" if "@" in name else name


def _set_headers(draft: Draft, headers: dict[str, str], spans: dict[str, tuple[int, int]], ctx: Context,
                 *, forwarded: bool) -> None:
    subject = headers.get("subject")
    if subject:
        set_text(draft, "headline", strip_subject_prefixes(subject), rule="subject-header",
                 lines=spans.get("subject"), confidence=0.9)
    if not forwarded:
        sender = headers.get("from")
        if sender:
            _set_sender(draft, sender, rule="from-header", lines=spans.get("from"))
        for name in rules.DATE_HEADERS:
            value = headers.get(name.casefold())
            if value and _set_header_date(draft, value, ctx, rule=f"{name.lower()}-header",
                                          lines=spans.get(name.casefold())):
                break
    for name in rules.URL_HEADERS:
        value = headers.get(name.casefold())
        if value:
            set_url(draft, value.strip("<> "), rule=f"{name.lower()}-header", lines=spans.get(name.casefold()))
    for name in rules.LANGUAGE_HEADERS:
        value = headers.get(name.casefold())
        if value and len(value) >= 2 and value[:2].isalpha():
            set_text(draft, "language", value[:2].lower(), rule="content-language-header",
                     lines=spans.get(name.casefold()))


def _set_forwarded(draft: Draft, forwards: list[dict[str, tuple[str, int]]], ctx: Context) -> None:
    """The innermost forwarded block names the article; outer ones fill what it lacks."""
    for block in reversed(forwards):
        if "subject" in block:
            value, line = block["subject"]
            set_text(draft, "headline", strip_subject_prefixes(value), rule="forwarded-subject",
                     lines=(line, line), confidence=0.85)
        if "from" in block:
            value, line = block["from"]
            _set_sender(draft, value, rule="forwarded-from", lines=(line, line))
        if "date" in block:
            value, line = block["date"]
            _set_header_date(draft, value, ctx, rule="forwarded-date", lines=(line, line))


def _set_sender(draft: Draft, raw: str, *, rule: str, lines: tuple[int, int] | None) -> None:
    display = _display_name(raw)
    if is_junk(display) or draft.has("byline"):
        return
    kind, name = sender_kind(display)
    if kind == "brand":
        set_text(draft, "byline", name, rule=rule, lines=lines, confidence=0.6)
    else:  # a person, or a wire service (kept apart as an agency by set_authors)
        set_authors(draft, [name], rule=rule, lines=lines, confidence=0.75)


def _set_header_date(draft: Draft, raw: str, ctx: Context, *, rule: str,
                     lines: tuple[int, int] | None) -> bool:
    """RFC 2822 dates read exactly with the stdlib; other shapes go to the shared date parser."""
    import email.utils

    iso: str | None = None
    try:
        iso = email.utils.parsedate_to_datetime(raw).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        iso = None
    return set_date(draft, iso or raw, ctx, rule=rule, lines=lines, confidence=0.9)


# --- MIME parts -----------------------------------------------------------------------------


def _text_parts(msg: Any, lines: Sequence[str], body_start: int
                ) -> tuple[tuple[list[NumberedLine], str] | None, tuple[str, tuple[int, int], str] | None]:
    """The first text/plain part as numbered lines, and the first text/html part (text, span, encoding)."""
    leaves = [part for part in msg.walk() if not part.is_multipart()]
    spans = _leaf_spans(msg, lines, body_start, len(leaves))
    plain = html = None
    for part, span in zip(leaves, spans):
        if _is_attachment(part):
            continue
        ctype = part.get_content_type()
        encoding = str(part.get("Content-Transfer-Encoding") or "").strip().lower()
        if ctype == "text/plain" and plain is None:
            text = _part_text(part, encoding)
            plain = (number_lines(text, lines, span, encoding), encoding)
        elif ctype == "text/html" and html is None:
            html = (_part_text(part, encoding), span, encoding)
    return plain, html


def _is_attachment(part: Any) -> bool:
    try:
        return part.get_content_disposition() == "attachment"
    except Exception:  # a malformed Content-Disposition header
        return False


def _part_text(part: Any, encoding: str) -> str:
    """A text part decoded: transfer encoding and charset for encoded parts, as written otherwise."""
    try:
        if encoding in _IDENTITY_ENCODINGS:
            payload = part.get_payload()
            text = payload if isinstance(payload, str) else ""
        else:
            text = part.get_content()
    except (LookupError, ValueError, KeyError, AttributeError, TypeError, AssertionError):
        try:
            raw = part.get_payload(decode=True) or b""
            text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
        except (LookupError, ValueError, TypeError, AttributeError):
            text = ""
    return normalise_text(text)


def _leaf_spans(msg: Any, lines: Sequence[str], body_start: int, count: int) -> list[tuple[int, int]]:
    """0-based inclusive line ranges of each leaf part's body, in ``walk()`` order."""
    whole = (body_start, max(body_start, len(lines) - 1))
    boundaries = set()
    for part in msg.walk():
        if part.is_multipart():
            try:
                boundary = part.get_boundary()
            except Exception:  # a malformed Content-Type parameter list
                boundary = None
            if boundary:
                boundaries.add("--" + boundary)
    if not boundaries:
        return [whole] * count
    segments: list[tuple[int, int, bool]] = []
    start: int | None = None
    after_close = False
    for index in range(body_start, len(lines)):
        line = lines[index].rstrip()
        closing = line.endswith("--") and line[:-2] in boundaries
        if line in boundaries or closing:
            if start is not None:
                segments.append((start, index - 1, after_close))
            start, after_close = index + 1, closing
    if start is not None and not after_close and start < len(lines):
        segments.append((start, len(lines) - 1, False))  # a multipart never closed
    leaves = []
    for first, last, epilogue in segments:
        if epilogue:
            continue
        index, ctype = first, ""
        while index <= last and lines[index].strip():
            if lines[index].casefold().startswith("content-type:"):
                ctype = lines[index].split(":", 1)[1].strip().casefold()
            index += 1
        if not ctype.startswith("multipart/"):
            leaves.append((min(index + 1, last), last))
    return leaves if len(leaves) == count else [whole] * count


def number_lines(text: str, lines: Sequence[str], span: tuple[int, int], encoding: str) -> list[NumberedLine]:
    """Decoded part text as 1-based numbered lines pointing back into the raw message."""
    decoded = text.split("\n")
    first, last = span
    raw_count = max(1, last - first + 1)
    if encoding in _IDENTITY_ENCODINGS or len(decoded) == raw_count:
        return [(min(first + 1 + i, last + 1), line) for i, line in enumerate(decoded)]
    if encoding == "quoted-printable":
        starts = []
        index = first
        while index <= last:
            starts.append(index)
            while index < last and lines[index].endswith("="):
                index += 1
            index += 1
        return [((starts[i] if i < len(starts) else last) + 1, line) for i, line in enumerate(decoded)]
    return [(first + 1 + i * raw_count // max(1, len(decoded)), line) for i, line in enumerate(decoded)]


def _word_total(numbered: list[NumberedLine]) -> int:
    cleaned, _ = clean_lines(numbered)
    return sum(len(line.split()) for _, line in cleaned)


# --- the HTML part --------------------------------------------------------------------------


def _from_html(html: tuple[str, tuple[int, int], str], ctx: Context
               ) -> tuple[Draft | None, list[dict[str, tuple[str, int]]], tuple[str, int] | None]:
    """Parse the HTML part with the html dialect; chrome and forward banners removed from its body."""
    text, span, encoding = html
    try:
        from . import html as html_dialect
    except ImportError:
        return None, [], None
    try:
        drafts = html_dialect.parse(text, ctx)
    except Exception:  # the part is still readable as text below
        return None, [], None
    if not drafts:
        return None, [], None
    draft = drafts[0]
    _shift_provenance(draft, span, encoding)
    as_lines = _html_as_lines(text, span[0] + 1)
    forwards, _ = split_forwards(as_lines)
    _, view_url = clean_lines(as_lines)
    _clean_html_body(draft, forwarded=bool(forwards))
    return draft, forwards, view_url


def _shift_provenance(draft: Draft, span: tuple[int, int], encoding: str) -> None:
    """Line ranges of the part's own text moved to the message's lines (the part span when decoded)."""
    for name, prov in list(draft.provenance.items()):
        if prov.lines is None:
            continue
        if encoding in _IDENTITY_ENCODINGS:
            lines = (prov.lines[0] + span[0], prov.lines[1] + span[0])
        else:
            lines = (span[0] + 1, span[1] + 1)
        draft.provenance[name] = Provenance(lines, prov.rule, prov.confidence)


def _html_as_lines(html: str, first: int = 1) -> list[NumberedLine]:
    """HTML reduced to text lines (block ends as line breaks) for banner and link searches."""
    from bs4 import BeautifulSoup, NavigableString

    try:
        soup = BeautifulSoup(html, "html.parser")
        for node in soup.find_all(string=True):
            if type(node) is NavigableString:  # source line breaks are not text line breaks
                collapsed = _SPACES.sub(" ", str(node))
                if collapsed != node:
                    node.replace_with(collapsed)
        for anchor in soup.find_all("a", href=True):
            if _VIEW_ONLINE_TEXT.search(anchor.get_text(" ")):
                anchor.append(f" ({anchor['href']})")
        for tag in soup.find_all(["script", "style", "head"]):
            tag.decompose()
        for tag in soup.find_all("br"):
            tag.replace_with("\n")
        for tag in soup.find_all(rules.HTML_BLOCK_TAGS):
            tag.append("\n")
        text = soup.get_text()
    except Exception:  # bs4 on hostile markup
        text = strip_markup(html)
    return [(first, line) for line in normalise_text(text).split("\n")]


def _clean_html_body(draft: Draft, *, forwarded: bool) -> None:
    """Newsletter chrome, forward banners and footers out of the html dialect's body."""
    body = draft.get("body")
    if not body:
        return
    original = body.split("\n\n")
    paragraphs = _after_forward_banner(original) if forwarded else original
    kept = [p for p in paragraphs if not _is_chrome(p) and not has_shape(_SENT_FROM, p)]
    kept = kept[: _footer_index([(0, p) for p in kept])]
    if kept == original:
        return
    prov = draft.provenance.get("body")
    if not kept:
        draft.values.pop("body", None)
        draft.provenance.pop("body", None)
        return
    draft.set("body", "\n\n".join(kept), rule=prov.rule if prov else "html-body",
              lines=prov.lines if prov else None, confidence=prov.confidence if prov else 0.8, overwrite=True)


def _after_forward_banner(paragraphs: list[str]) -> list[str]:
    for index, paragraph in enumerate(paragraphs):
        if any(has_shape(_BANNER, line) for line in paragraph.split("\n")):
            rest = paragraphs[index + 1:]
            while rest and _forward_label(rest[0]) is not None:
                rest = rest[1:]
            return rest
    return paragraphs


# --- body lines -----------------------------------------------------------------------------


def split_forwards(lines: list[NumberedLine]) -> tuple[list[dict[str, tuple[str, int]]], list[NumberedLine]]:
    """Peel forwarded-message banners: their header blocks (outermost first) and the innermost body."""
    blocks: list[dict[str, tuple[str, int]]] = []
    search_from = 0
    while True:
        index = next((i for i in range(search_from, len(lines)) if has_shape(_BANNER, lines[i][1])), None)
        if index is None:
            return blocks, lines
        block, end = _forward_block(lines, index + 1)
        if not block:
            search_from = index + 1
            continue
        blocks.append(block)
        lines, search_from = lines[end:], 0


def _forward_block(lines: list[NumberedLine], start: int) -> tuple[dict[str, tuple[str, int]], int]:
    """The ``From:``/``Date:``/``Subject:`` lines under a banner, and the index after them."""
    block: dict[str, tuple[str, int]] = {}
    index = start
    while index < len(lines) and index - start < 2 and not lines[index][1].strip(" \t>"):
        index += 1
    while index < len(lines):
        number, line = lines[index]
        label = _forward_label(line)
        if label is None:
            if line.strip(" \t>") or not block:
                break
            index += 1
            break
        field, value = label
        if field != "to" and value:
            block.setdefault(field, (value.strip().strip("*").strip(), number))
        index += 1
    if "from" not in block and "subject" not in block:
        return {}, start
    return block, index


def _forward_label(line: str) -> tuple[str, str] | None:
    match = _FORWARD_LABEL_LINE.match(line)
    if match is None:
        return None
    field = rules.FORWARD_LABELS.get(match.group(1).strip().casefold())
    return (field, match.group(2)) if field else None


def _innermost_subject(forwards: list[dict[str, tuple[str, int]]]) -> str | None:
    for block in reversed(forwards):
        if "subject" in block:
            return block["subject"][0]
    return None


def clean_lines(lines: list[NumberedLine]) -> tuple[list[NumberedLine], tuple[str, int] | None]:
    """Signature, footer, mobile-app lines, reply attributions and newsletter chrome removed.

    Also returns the "view in browser" link target (and its line) when there is one.
    """
    lines = lines[: _signature_index(lines)]
    lines = lines[: _footer_index(lines)]
    out: list[NumberedLine] = []
    view_url: tuple[str, int] | None = None
    for position, (number, line) in enumerate(lines):
        stripped = line.strip()
        if view_url is None and len(stripped) <= _CHROME_MAX and _VIEW_ONLINE_TEXT.search(stripped):
            view_url = _view_online_url(lines, position)
        if (has_shape(_SENT_FROM, line) or has_shape(_REPLY_ATTRIBUTION, line) or _BARE_URL_LINE.match(line)
                or _is_chrome(stripped)):
            out.append((number, ""))
            continue
        out.append((number, _INLINE_URL.sub("", line) if "http" in line else line))
    return out, view_url


def _signature_index(lines: list[NumberedLine]) -> int:
    for index, (_, line) in enumerate(lines):
        if line == rules.SIGNATURE:
            return index
        if line.strip() == rules.BARE_SIGNATURE and len(lines) - index <= rules.BARE_SIGNATURE_MAX_TAIL:
            return index
    return len(lines)


def _footer_index(lines: Sequence[tuple[int, str]]) -> int:
    start = int(len(lines) * (1 - rules.FOOTER_SHARE))
    for index in range(start, len(lines)):
        if _FOOTER_START.match(lines[index][1]):
            return index
    return len(lines)


def _is_chrome(text: str) -> bool:
    """A line that is only newsletter chrome (``View in browser``, ``Unsubscribe | Preferences``)."""
    if not text or len(text) > _CHROME_MAX:
        return False
    plain = _TRAILING_LINK.sub("", strip_inline(text)).strip()
    parts = [p.strip().rstrip(":.!").strip().casefold() for p in _CHROME_SEPARATORS.split(plain)]
    parts = [p for p in parts if p]
    return bool(parts) and all(p in rules.CHROME_LINES for p in parts)


def _view_online_url(lines: list[NumberedLine], position: int) -> tuple[str, int] | None:
    """The URL on a "view in browser" line, or alone on the next line."""
    number, line = lines[position]
    match = _VIEW_ONLINE_URL.search(line)
    if match:
        return match.group(1), number
    if position + 1 < len(lines) and _BARE_URL_LINE.match(lines[position + 1][1]):
        match = _VIEW_ONLINE_URL.search(lines[position + 1][1])
        if match:
            return match.group(1), lines[position + 1][0]
    return None
