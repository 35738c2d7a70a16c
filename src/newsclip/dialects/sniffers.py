"""Which layout a text is in: one scoring function per dialect, apart from the parsers.

Every file is sniffed by every dialect, so sniffing must cost little to import
and little to run: this module imports no parser (deciding that a ``.txt`` file
is plain text never loads the HTML, e-mail or export parsers) and each sniffer
reads only the head it is given. Signatures that must start a line are
searched as ``\\n`` + signature in ``\\n`` + text, which lets the regex engine
jump from line break to line break instead of trying every character.

Each function returns a score from 0 to 1; :func:`newsclip.dialects.detect`
compares them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..lazyre import LazyPattern, lazy_compile
from ..rules import email as email_rules
from ..rules import factiva as factiva_rules
from ..rules import frontmatter as frontmatter_rules
from ..rules import html as html_rules
from ..rules import nexis as nexis_rules
from ..rules import reader as reader_rules
from .frontmatter_block import find_block, fold_key


def line_start(pattern: str, flags: int = 0) -> LazyPattern:
    """``pattern`` anchored at a line start, for searching in :func:`with_leading_break` text."""
    return lazy_compile(r"\n(?:" + pattern + ")", flags | re.MULTILINE)


def with_leading_break(text: str) -> str:
    """``text`` with a line break before it, so a :func:`line_start` pattern finds its first line too."""
    return "\n" + text


# --------------------------------------------------------------------------- reader

_READER_TITLE = line_start(reader_rules.SNIFF_TITLE)
_READER_URL_SOURCE = line_start(reader_rules.SNIFF_URL_SOURCE)
_READER_MARKER = line_start(reader_rules.SNIFF_MARKER)


def reader(text: str) -> float:
    """High only when ``URL Source:`` and ``Markdown Content:`` both sit in the header."""
    if not any(label in text for label in reader_rules.SNIFF_LABELS):
        return 0.0  # a plain substring test rules out almost every other text at once
    head = with_leading_break("\n".join(text.split("\n", reader_rules.HEADER_MAX_LINES)[: reader_rules.HEADER_MAX_LINES]))
    source = _READER_URL_SOURCE.search(head) is not None
    marker = _READER_MARKER.search(head) is not None
    if source and marker:
        return reader_rules.SNIFF_FULL
    if (source or marker) and _READER_TITLE.search(head) is not None:
        return reader_rules.SNIFF_PARTIAL
    return 0.0


# --------------------------------------------------------------------------- front matter

_YAML_KEY = lazy_compile(frontmatter_rules.SNIFF_YAML_KEY)
_TOML_KEY = lazy_compile(frontmatter_rules.SNIFF_TOML_KEY)
_JSON_KEY = lazy_compile(frontmatter_rules.SNIFF_JSON_KEY)
#: How the first non-blank line of a text with front matter starts.
_BLOCK_OPENERS = (frontmatter_rules.YAML_FENCE, frontmatter_rules.TOML_FENCE, "{")


def frontmatter(text: str) -> float:
    """High for a fenced block of ``key: value`` lines (or a JSON object) with a known key at the top."""
    if not text.lstrip().startswith(_BLOCK_OPENERS):
        return 0.0
    lines = text.split("\n", frontmatter_rules.MAX_BLOCK_LINES + 2)
    block = find_block(text, lines, partial_ok=True)
    if block is None:
        return 0.0
    if block.kind == "json":
        keys = _JSON_KEY.findall(block.text[:4000])
        return frontmatter_rules.SNIFF_JSON if any(fold_key(k) in frontmatter_rules.KEY_FIELDS for k in keys) else 0.0
    pattern = _YAML_KEY if block.kind == "yaml" else _TOML_KEY
    keys = [m.group(0).split(":")[0].split("=")[0].strip() for m in pattern.finditer(block.text)]
    if not keys or (block.kind == "yaml" and not _all_yaml_shaped(block.text)):
        return 0.0
    if any(fold_key(k) in frontmatter_rules.KEY_FIELDS for k in keys):
        return frontmatter_rules.SNIFF_STRONG
    return frontmatter_rules.SNIFF_WEAK


def _all_yaml_shaped(text: str) -> bool:
    """Every top-level line is a key, a list item or a comment (prose between rules is not YAML)."""
    for line in text.split("\n"):
        if not line.strip() or line[0] in " \t#-":
            continue
        if not _YAML_KEY.match(line):
            return False
    return True


# --------------------------------------------------------------------------- Nexis

_SPACES = lazy_compile(r"[ \t]+")
_NEXIS_COUNTER_LINE = r"[ \t]{0,200}(?:" + "|".join(nexis_rules.COUNTER_PATTERNS) + r")[ \t]*$"
_NEXIS_LENGTH_LINE = r"[ \t]*(?:length|länge|longueur|longitud|lengte)[ \t]*:[ \t]*\d"
_NEXIS_LOAD_DATE_LINE = r"[ \t]*load-date[ \t]*:"
_NEXIS_DOCUMENTS_TOTAL_LINE = r"[ \t]*" + nexis_rules.DOCUMENTS_TOTAL + r"[ \t]*$"
_NEXIS_BODY_LINE = r"[ \t]*body[ \t]*$"
_NEXIS_COUNTER = line_start(_NEXIS_COUNTER_LINE, re.IGNORECASE)
_NEXIS_LENGTH = line_start(_NEXIS_LENGTH_LINE, re.IGNORECASE)
_NEXIS_LOAD_DATE = line_start(_NEXIS_LOAD_DATE_LINE, re.IGNORECASE)
_NEXIS_BYLINE = line_start(r"[ \t]*(?:byline|autor|auteur)[ \t]*:", re.IGNORECASE)
_NEXIS_DOCUMENTS_TOTAL = line_start(_NEXIS_DOCUMENTS_TOTAL_LINE, re.IGNORECASE)
_NEXIS_CLIENT_MATTER = line_start(r"[ \t]*(?:client/matter|mandant/akte|client/dossier)", re.IGNORECASE)
_NEXIS_BODY = line_start(_NEXIS_BODY_LINE, re.IGNORECASE)
#: Every score above 0 needs one of these lines: one pass rules out a text that has none.
_NEXIS_ANY = line_start(
    "|".join(f"(?:{p})" for p in (_NEXIS_COUNTER_LINE, _NEXIS_LENGTH_LINE, _NEXIS_LOAD_DATE_LINE,
                                  _NEXIS_DOCUMENTS_TOTAL_LINE, _NEXIS_BODY_LINE)),
    re.IGNORECASE,
)


def is_end_of_document(line: str) -> bool:
    """Whether ``line`` is a newer Nexis export's ``End of Document`` closer (any language)."""
    stripped = line.strip()
    return len(stripped) < 40 and _SPACES.sub(" ", stripped).casefold() in nexis_rules.END_OF_DOCUMENT


def nexis(text: str) -> float:
    """Strong on counters, ``End of Document`` closers or a contents list; weaker on labels alone."""
    lines = with_leading_break(text)
    if not _NEXIS_ANY.search(lines):
        return 0.0
    if _NEXIS_COUNTER.search(lines):
        return 0.9
    has_length = _NEXIS_LENGTH.search(lines) is not None
    if _NEXIS_DOCUMENTS_TOTAL.search(lines) and _NEXIS_CLIENT_MATTER.search(lines):
        return 0.9
    has_load_date = _NEXIS_LOAD_DATE.search(lines) is not None
    if (has_length or has_load_date or _NEXIS_BODY.search(lines)) and _has_end_line(text):
        return 0.9
    if has_length and (has_load_date or _NEXIS_BYLINE.search(lines)):
        return 0.75
    return 0.4 if has_load_date else 0.0


def _has_end_line(text: str) -> bool:
    return any(is_end_of_document(line) for line in text.split("\n") if len(line) < 40)


# --------------------------------------------------------------------------- Factiva

_FACTIVA_CODE_LINE = r"(?:HD|BY|WC|PD|SN|SC|LA|CY|LP|TD|AN|ET)(?:\t| {2}|[ \t]*$)"
_FACTIVA_CODE_SINGLE_LINE = r"(HD|BY|WC|PD|SN|LA|LP|TD|AN) (?=\S)"
_FACTIVA_DOCUMENT_ID_LINE = r"[ \t]*" + factiva_rules.DOCUMENT_ID_LINE + r"[ \t]*$"
_FACTIVA_WORD_COUNT_LINE = r"[ \t]*" + factiva_rules.WORD_COUNT_LINE + r"[ \t]*$"
_FACTIVA_SUMMARY_LINE = r"[ \t]*(?:" + "|".join(map(re.escape, factiva_rules.SUMMARY_TITLE)) + r")[ \t]*$"
_FACTIVA_CODE = line_start(_FACTIVA_CODE_LINE)
_FACTIVA_CODE_SINGLE = line_start(_FACTIVA_CODE_SINGLE_LINE)
_FACTIVA_SIGNATURE_CODES = frozenset({"PD", "WC", "SN", "LP", "TD", "AN", "BY"})
_FACTIVA_CODED_HEAD = 20_000
_FACTIVA_DOCUMENT_ID = line_start(_FACTIVA_DOCUMENT_ID_LINE, re.IGNORECASE)
_FACTIVA_WORD_COUNT = line_start(_FACTIVA_WORD_COUNT_LINE, re.IGNORECASE)
_FACTIVA_SUMMARY = line_start(_FACTIVA_SUMMARY_LINE, re.IGNORECASE)
_FACTIVA_RESULTS = line_start(r"[ \t]*results found\b", re.IGNORECASE)
#: Every score above 0 needs one of these lines: one pass rules out a text that has none.
_FACTIVA_ANY = line_start(
    f"{_FACTIVA_CODE_LINE}|{_FACTIVA_CODE_SINGLE_LINE}"
    f"|(?i:{_FACTIVA_DOCUMENT_ID_LINE}|{_FACTIVA_WORD_COUNT_LINE}|{_FACTIVA_SUMMARY_LINE})"
)
_FACTIVA_DATE_PEEK = 200


def is_coded(text: str) -> bool:
    """Whether the text is a coded Factiva export: an ``HD`` field with text fields or two other codes."""
    head = with_leading_break(text[:_FACTIVA_CODED_HEAD])
    codes = {m.group(0)[1:3] for m in _FACTIVA_CODE.finditer(head)}
    if "HD" in codes and (codes & {"LP", "TD"} or len(codes & _FACTIVA_SIGNATURE_CODES) >= 2):
        return True
    single = {m.group(1) for m in _FACTIVA_CODE_SINGLE.finditer(head)}
    return "HD" in single and len(single & _FACTIVA_SIGNATURE_CODES) >= 2


def is_factiva_date(line: str) -> bool:
    """A short line that holds a date (the article view's date line)."""
    if len(line) > 60 or not any(c.isdigit() for c in line):
        return False
    from ..fields import dates

    return bool(dates.find_dates(line)) or dates.is_date_line(line)


def factiva(text: str) -> float:
    """Strong on field codes or on word-count and ``Document <ID>`` lines; the summary cover helps."""
    lines = with_leading_break(text)
    if not _FACTIVA_ANY.search(lines):
        return 0.0
    if is_coded(text):
        return 0.9
    has_id = _FACTIVA_DOCUMENT_ID.search(lines) is not None
    count = _FACTIVA_WORD_COUNT.search(lines)
    if has_id and count:
        return 0.9
    if count and _date_follows(lines, count.end()):
        return 0.8
    if _FACTIVA_SUMMARY.search(lines) and _FACTIVA_RESULTS.search(lines):
        return 0.8
    return 0.5 if has_id else 0.0


def _date_follows(text: str, end: int) -> bool:
    """Whether the first non-blank line after ``end`` is a date (the article view's header order)."""
    for line in text[end:end + _FACTIVA_DATE_PEEK].split("\n"):
        if line.strip():
            return is_factiva_date(line.strip())
    return False


# --------------------------------------------------------------------------- e-mail

EMAIL_HEADER_LINE = lazy_compile(email_rules.HEADER_LINE)
MBOX_FROM = lazy_compile(email_rules.MBOX_FROM)


def has_shape(pattern: re.Pattern[str], line: str) -> bool:
    """Whether a short line, stripped, has the shape ``pattern`` describes."""
    stripped = line.strip()
    return len(stripped) <= email_rules.SHAPE_MAX_CHARS and pattern.match(stripped) is not None


def _first_lines(text: str, count: int) -> Iterator[str]:
    """The first ``count`` lines of ``text``, cut off one at a time (the sniffer mostly stops at the first)."""
    start = 0
    for _ in range(count):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def email(text: str) -> float:
    """High for a header block with ``From:`` and ``Subject:``/``Date:`` at the very top."""
    lines = _first_lines(text, email_rules.SNIFF_MAX_LINES)
    first = next(lines)  # there is always one, if empty
    mbox = has_shape(MBOX_FROM, first)
    names: dict[str, str] = {}
    for line in lines if mbox else itertools.chain((first,), lines):
        if not line.strip():
            break
        if line[0] in " \t":
            continue
        match = EMAIL_HEADER_LINE.match(line)
        if match is None:
            break
        names.setdefault(match.group(1).casefold(), match.group(2))
    sender = names.get("from")
    dated = "date" in names or "sent" in names
    titled = "subject" in names
    strong = sum(1 for name in names if name in email_rules.STRONG_HEADERS)
    if sender is not None and (strong or mbox) and (titled or dated):
        return email_rules.SNIFF_CERTAIN
    if strong >= 2 and (titled or sender is not None):
        return email_rules.SNIFF_LIKELY
    if sender is not None and titled and dated:
        return email_rules.SNIFF_LIKELY if "@" in sender else email_rules.SNIFF_PASTED
    return 0.0


# --------------------------------------------------------------------------- HTML

HTML_LEADING_JUNK = lazy_compile(html_rules.LEADING_JUNK_PATTERN, re.DOTALL)
HTML_OPENING_TAG = lazy_compile(html_rules.OPENING_TAG_PATTERN)
HTML_TAG = lazy_compile(html_rules.TAG_PATTERN)


def html(text: str) -> float:
    """High for a page or fragment that opens with HTML markup; low for text with a few inline tags."""
    head = text[:html_rules.SNIFF_OPENING_CHARS]
    if "<" not in head:
        return 0.0
    opening = HTML_LEADING_JUNK.match(head)
    start = head[opening.end() if opening else 0:][:200].lower()
    if start.startswith(html_rules.STRONG_OPENINGS):
        return 0.95
    lower = text[:html_rules.SNIFF_PAGE_CHARS].lower()
    page_tags = sum(1 for t in html_rules.PAGE_TAGS if t in lower)
    tags = HTML_TAG.findall(head)
    opener = HTML_OPENING_TAG.match(start)
    element = opener.group(1) if opener else ""
    if element in html_rules.PAGE_OPENING_ELEMENTS:
        return 0.9 if page_tags else 0.8
    if element in html_rules.FRAGMENT_OPENING_ELEMENTS:
        if page_tags:
            return 0.9
        return 0.7 if len(tags) >= html_rules.SNIFF_MIN_FRAGMENT_TAGS else 0.3
    if page_tags >= 2:
        return 0.7
    share = sum(len(t) for t in tags) / max(len(head), 1)
    if len(tags) >= html_rules.SNIFF_MIN_TAGS and share >= html_rules.SNIFF_MIN_TAG_SHARE:
        return 0.6
    return 0.4 if page_tags else 0.0


# --------------------------------------------------------------------------- plain


def plain(text: str) -> float:
    """Anything can be plain text; every other dialect must beat this."""
    return 0.1


#: Dialect name -> its sniffer.
SNIFFERS = {
    "reader": reader,
    "frontmatter": frontmatter,
    "nexis": nexis,
    "factiva": factiva,
    "email": email,
    "html": html,
    "plain": plain,
}
