"""Headlines: markup and Markdown removed, the site name cut off, placeholder values refused.

A tail after a separator (``Storm hits coast | CNN``) is cut when it names the site
(the caller's ``site`` host or ``site_names``), a known outlet, or a domain; an unknown tail
is cut when it is a short Title-Case name (or, after a pipe, a short capitalised section name
such as "World news") — after a pipe always, after a dash only when that
dash appears once and the headline itself is in sentence case (in an all-Title-Case headline a
Title-Case tail cannot be told from the headline's own words, so it is kept). A prefix
(``CNN - Storm hits coast``) is cut when it is a known name, or a short Title-Case name before
a single pipe (``Opinion | ...``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..lazyre import lazy_compile
from ..rules import headline as rules
from ..rules.bylines import AGENCIES

#: An HTML tag or comment opener; ``[^<>]*`` stops at the next angle bracket, so the scan is linear.
_TAG = lazy_compile(r"</?[A-Za-z!][^<>]*>")
_INVISIBLE = str.maketrans("", "", rules.INVISIBLE_CHARS)
_MD_LINK = lazy_compile(r"!?\[([^\[\]]{0,500})\]\([^()\s]{0,2000}\)")
_MD_HEADING = lazy_compile(r"#{1,6} ")
_DOMAIN = lazy_compile(r"[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.[A-Za-z]{2,12}")
_SEPARATOR = lazy_compile(
    "(?: ?(?:" + "|".join(re.escape(s) for s in rules.PIPE_SEPARATORS) + ") ?"
    "| (?:" + "|".join(re.escape(s) for s in rules.SPACED_SEPARATORS) + ") )"
)
_EDGE_SEPARATORS = " " + "".join(rules.PIPE_SEPARATORS) + "".join(rules.SPACED_SEPARATORS) + ":"


#: Everything but letters and digits (``[^\W_]`` is exactly ``str.isalnum``).
_NOT_ALNUM = lazy_compile(r"[\W_]+")


def _compact(name: str) -> str:
    """A comparison key for outlet names: casefolded letters and digits, no leading "the"."""
    folded = name.casefold().strip()
    if folded.startswith("the "):
        folded = folded[4:]
    return _NOT_ALNUM.sub("", folded)


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    """Comparison keys of known outlets and agencies (built when a headline first has a separator to test)."""
    return frozenset(
        _compact(name)
        for name in (*rules.KNOWN_OUTLETS, *AGENCIES, *(a for aliases in AGENCIES.values() for a in aliases))
    ) - {""}


def clean_headline(text: str, *, site: str | None = None, site_names: Iterable[str] = ()) -> str | None:
    """The headline as a reader sees it, without the site name, or ``None`` for placeholders.

    ``site`` is the article's host (``cnn.com``), ``site_names`` other names the outlet
    goes by (``The Daily Planet``); both are cut off as suffix or prefix.
    """
    if not isinstance(text, str):
        return None
    cleaned = _tidy(text)
    if _is_junk(cleaned):
        return None
    names = (site_names,) if isinstance(site_names, str) else tuple(n for n in site_names if isinstance(n, str))
    keys = _site_keys(site if isinstance(site, str) else None, names)
    cleaned = _strip_site(cleaned, keys).strip(_EDGE_SEPARATORS)
    return None if _is_junk(cleaned) else cleaned


def _strip_markup(text: str) -> str:
    """Inline tags removed and entities decoded; a fast path for text with neither."""
    if "<" not in text and "&" not in text:
        return text
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        import html  # imported where entities are decoded: most headlines have none

        text = html.unescape(text)
        if "<" in text:  # markup that was escaped twice (&lt;b&gt;) is still markup
            text = _TAG.sub("", text)
    return text


def _tidy(text: str) -> str:
    """Markup, Markdown emphasis, headings and links removed; whitespace collapsed."""
    text = _strip_markup(text)
    if not text.isascii():  # the invisible characters are all beyond ASCII
        text = text.translate(_INVISIBLE)
    text = " ".join(text.split())
    if "[" in text:
        text = _MD_LINK.sub(r"\1", text)
    if text.startswith("#"):
        match = _MD_HEADING.match(text)
        if match:
            text = text[match.end():].rstrip("#").strip()
    text = text.replace("**", "").replace("__", "")
    for mark in ("*", "_", '"', "`"):
        if len(text) > 2 and text[0] == mark and text[-1] == mark and mark not in text[1:-1]:
            text = text[1:-1]
    return " ".join(text.split())


def _is_junk(text: str) -> bool:
    return not text or text.casefold() in rules.JUNK_VALUES or not any(c.isalnum() for c in text)


@lru_cache(maxsize=1024)
def _site_keys(site: str | None, site_names: tuple[str, ...]) -> frozenset[str]:
    """Comparison keys for the caller's site: the host, its name part, and the given names (remembered per site)."""
    keys: set[str] = set()
    if isinstance(site, str) and site.strip():
        host = site.strip().casefold()
        if "://" in host:
            host = host.split("://", 1)[1]
        host = host.split("/", 1)[0]
        if host.startswith("www."):
            host = host[4:]
        keys.add(_compact(host))
        labels = host.split(".")
        if len(labels) >= 2:
            name = labels[-2]
            if name in rules.SECOND_LEVEL_LABELS and len(labels) >= 3:
                name = labels[-3]
            keys.add(_compact(name))
            keys.add(_compact(".".join(labels[:-1])))
    for name in site_names:
        if isinstance(name, str):
            keys.add(_compact(name))
    keys.discard("")
    return frozenset(keys)


def _is_known(part: str, keys: frozenset[str]) -> bool:
    key = _compact(part)
    return bool(key) and (key in keys or key in _known() or _DOMAIN.fullmatch(part) is not None)


def _is_title_name(part: str) -> bool:
    """A short Title-Case name ("The Daily Planet", "Times of India"), not a clause."""
    words = part.split()
    if not 1 <= len(words) <= rules.MAX_SITE_WORDS or len(part) > rules.MAX_SITE_CHARS:
        return False
    if part[-1] in "?!:,;" or not (part[0].isupper() or part[0].isdigit()):
        return False
    if part[-1] == "." and "." not in words[-1][:-1]:
        return False  # a sentence, not "HAFEN e.V."
    significant = 0
    for word in words:
        folded = word.casefold()
        if folded in rules.NAME_CONNECTORS:
            continue
        if "." in word[1:] and word[0].isalpha():
            continue  # an abbreviation: "e.V.", "Co."
        if folded in rules.NOT_SITE_WORDS or not (word[0].isupper() or word[0].isdigit()):
            return False
        significant += 1
    return significant > 0


def _sentence_case(head: str) -> bool:
    """Whether the headline has a lowercase content word (so it is not all Title Case)."""
    return any(
        w[0].islower() and w.casefold() not in rules.TITLE_CASE_MINOR_WORDS for w in head.split() if w[0].isalpha()
    )


def _strip_site(text: str, keys: frozenset[str]) -> str:
    """Cut site names off the end and the start, a few at most: known names first, then guesses."""
    for _ in range(rules.MAX_STRIPS):
        separators = list(_SEPARATOR.finditer(text))
        if not separators:
            break
        last, first = separators[-1], separators[0]
        body, tail = text[: last.start()].strip(), text[last.end():].strip()
        lead, rest = text[: first.start()].strip(), text[first.end():].strip()
        if body and tail and _is_known(tail, keys):
            text = body
        elif lead and rest and _is_known(lead, keys):
            text = rest
        elif body and tail and _is_unknown_site_tail(tail, body, last.group().strip(), text):
            text = body
        elif lead and rest and _is_unknown_site_head(lead, first.group().strip(), text):
            text = rest
        else:
            break
    return text


def _is_brand(part: str) -> bool:
    """One word of letters and digits (any case): "sitename", "Minuto30", "tv-orange"."""
    return (
        " " not in part
        and len(part) <= rules.MAX_SITE_CHARS
        and part[-1] not in "?!.:,;"
        and part.casefold() not in rules.NOT_SITE_WORDS
        and any(c.isalpha() for c in part)
        and all(c.isalnum() or c in "-_.+&'" for c in part)
    )


def _is_section(part: str) -> bool:
    """A short capitalised section name after a pipe: "World news", "Politics"."""
    words = part.split()
    return (
        1 <= len(words) <= rules.MAX_SECTION_WORDS
        and part[0].isupper()
        and part[-1] not in "?!.:,;"
        and not any(w.casefold() in rules.NOT_SITE_WORDS for w in words)
    )


def _is_unknown_site_tail(tail: str, head: str, separator: str, text: str) -> bool:
    """A tail not known as a site that still reads as one (no longer than the headline it follows)."""
    if len(tail.split()) > len(head.split()):
        return False
    if separator in rules.PIPE_SEPARATORS:  # a pipe tail is a site or section name, even "| sitename"
        return _is_title_name(tail) or _is_section(tail) or _is_brand(tail)
    words = tail.split()
    return (
        _is_title_name(tail)
        and len(words) >= 2  # one unknown word after a dash is too often the headline's own ("- Neuheiten")
        and not any(w.isdigit() for w in words)  # "- Teil 49" is a part number, not a site
        and text.count(f" {separator} ") == 1
        and len(head.split()) >= rules.MIN_HEAD_WORDS
        and _sentence_case(head)
    )


def _is_unknown_site_head(head: str, separator: str, text: str) -> bool:
    return (separator in rules.PIPE_SEPARATORS and text.count(separator) == 1 and _is_title_name(head)
            and any(c.isalpha() for c in head))  # "30.11. | Buch der Woche" keeps its date
