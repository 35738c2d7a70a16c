"""Saved web pages: metadata from JSON-LD, OpenGraph and meta tags, text from the main article box.

Metadata sources are tried best first, each field with its own provenance rule
(``jsonld-headline``, ``og-title``, ``h1``, ``canonical-link``, ``time-element``...).
The body is the text of the container that holds the article, found by semantic
markup or by paragraph density once navigation, share bars, related lists and
comments are skipped. Nothing is ever fetched.
"""

from __future__ import annotations

import html
import json
from typing import Any
from urllib.parse import SplitResult, parse_qs, urljoin, urlsplit

from ..fields.bylines import canonical_agency, parse_byline
from ..fields.dates import find_dates, is_date_line
from ..fields.headline import clean_headline
from ..fields.text import Paragraph, strip_markup
from ..fields.urls import site_of
from ..lazyre import lazy_compile
from ..rules import html as rules
from ..rules.bylines import PREFIXES
from . import sniffers
from .base import Context, Draft
from .common import (
    add_agencies,
    is_junk,
    set_authors,
    set_body,
    set_byline,
    set_date,
    set_text,
    set_url,
)
from .html_body import LineFinder, extract
from .html_meta import (
    Marked,
    PageInfo,
    collect,
    in_boilerplate,
    is_page_rank,
    jsonld_people,
    jsonld_string,
    parse_page,
    resolve,
    segments_of,
    text_of,
    tokens,
    type_rank,
)

NAME = "html"
DESCRIPTION = "a saved web page: <!doctype html>, <html>, <head>/<body> or dense tags near the top"
#: How likely a text is in this layout (0 to 1); kept apart from the parser, see :mod:`.sniffers`.
sniff = sniffers.html

_URL_DATE = lazy_compile(rules.URL_DATE_PATTERN)
_URL_DATE_COMPACT = lazy_compile(rules.URL_COMPACT_DATE_PATTERN)
_META_COMPACT_DATE = lazy_compile(rules.META_COMPACT_DATE_PATTERN)
_LANG = lazy_compile(rules.LANGUAGE_TAG_PATTERN)
_WORDS = lazy_compile(r"\w+")
_BARE_NAME = lazy_compile(rules.BARE_NAME_PATTERN)


def _split(url: str) -> SplitResult:
    """``urlsplit`` that reads a malformed address ("https://[host/") as an empty one instead of raising."""
    try:
        return urlsplit(url)
    except ValueError:
        return SplitResult("", "", "", "", "")


def _join(base: str, url: str) -> str:
    """``urljoin`` that keeps ``url`` as written when either address is malformed."""
    try:
        return urljoin(base, url)
    except ValueError:
        return url


# --------------------------------------------------------------------------- parsing


def parse(text: str, ctx: Context) -> list[Draft]:
    """One draft for the page: metadata best source first, then the article text."""
    info = collect(parse_page(text))
    draft = Draft()
    where = _Locator(text)
    article = _pick_article(info)
    site_names = _site_names(info, article)
    _set_url(draft, info, article, where)
    headline = _set_headline(draft, info, article, site_names, where)
    _set_subheadline(draft, info, article, where)
    _set_authors(draft, info, article, site_names, ctx, where)
    _set_dates(draft, info, article, ctx, where)
    _set_language(draft, info, article, where)
    found = _set_body(draft, info, article, headline, text)
    _set_late_dates(draft, info, found, ctx, where)
    if info.jsonld_repaired:
        draft.warn("malformed JSON-LD repaired")
    if info.jsonld_broken:
        draft.warn("malformed JSON-LD ignored")
    return [draft]


class _Locator:
    """Line numbers of values, found by a plain search of the raw page (``visible`` ones below ``<body>``)."""

    def __init__(self, text: str) -> None:
        self.text = text
        body = text.find("<body")
        self.body = body if body >= 0 else 0

    def __call__(self, value: str | None, *, visible: bool = False, attribute: bool = False) -> tuple[int, int] | None:
        """Lines of the first occurrence of ``value`` (as a whole quoted attribute value when ``attribute``)."""
        if not value:
            return None
        text = value.strip()
        probe = text[:60]
        if not probe:
            return None
        start = self.body if visible else 0
        pos = -1
        if attribute:
            for quote in ('"', "'"):
                pos = self.text.find(quote + html.escape(text, quote=False) + quote)
                if pos >= 0:
                    pos += 1
                    break
        if pos < 0:
            pos = self.text.find(probe, start)
        if pos < 0:
            escaped = html.escape(probe, quote=False)
            pos = self.text.find(escaped, start) if escaped != probe else -1
        if pos < 0:
            return None
        line = self.text.count("\n", 0, pos) + 1
        return line, line + probe.count("\n")


# --------------------------------------------------------------------------- JSON-LD choice


def _pick_article(info: PageInfo) -> dict[str, Any] | None:
    """The JSON-LD object that describes the article: best type, matching the page URL when several."""
    best: tuple[int, int, int] | None = None
    chosen = None
    og_url = info.first_meta(("og:url",))
    page_url = _url_key(og_url[1] if og_url else info.canonical)
    for order, obj in enumerate(info.jsonld):
        rank = type_rank(obj)
        if rank is None:
            continue
        url = jsonld_string(obj.get("url")) or jsonld_string(obj.get("mainEntityOfPage"))
        mismatch = 1 if page_url and url and _url_key(url) != page_url else 0
        empty = 0 if (obj.get("headline") or obj.get("name") or obj.get("datePublished")) else 1
        key = (rank, mismatch + empty, order)
        if best is None or key < best:
            best, chosen = key, obj
    return chosen


def _url_key(url: str | None) -> str | None:
    if not url:
        return None
    parts = _split(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else None


def _is_article(obj: dict[str, Any] | None) -> bool:
    return obj is not None and not is_page_rank(type_rank(obj))


def _site_names(info: PageInfo, article: dict[str, Any] | None) -> list[str]:
    """Names the site goes by (OpenGraph, publisher, WebSite objects), to cut from titles and bylines."""
    names: list[str] = []
    for key in rules.META_SITE_NAME:
        for value in info.meta.get(key, ()):
            if value.strip():
                names.append(value.strip())
    if article is not None:
        publisher = resolve(article.get("publisher"), info)
        name = jsonld_string(publisher.get("name")) if isinstance(publisher, dict) else jsonld_string(publisher)
        if name:
            names.append(name)
    for obj in info.jsonld:
        kind = obj.get("@type")
        if kind in ("WebSite", "Organization", "NewsMediaOrganization"):
            name = jsonld_string(obj.get("name"))
            if name:
                names.append(name)
    return list(dict.fromkeys(n for n in names if len(n) <= 80))


# --------------------------------------------------------------------------- fields


def _set_url(draft: Draft, info: PageInfo, article: dict[str, Any] | None, where: _Locator) -> None:
    """The page address: OpenGraph (the page's own address), canonical link, JSON-LD, microdata, share buttons.

    Addresses with a path come first; a bare front-page address is the last resort.
    """
    candidates: list[tuple[str, str]] = []
    for value in info.meta.get("og:url", ()):
        candidates.append(("og-url", value))
    if info.canonical:
        candidates.append(("canonical-link", info.canonical))
    for key in rules.META_URL:
        if key != "og:url":
            for value in info.meta.get(key, ()):
                candidates.append(("meta-url", value))
    if _is_article(article):
        for key in ("url", "mainEntityOfPage", "@id"):
            value = jsonld_string(article.get(key))  # type: ignore[union-attr]
            if value:
                candidates.append(("jsonld-url", value))
    for prop in ("url", "mainentityofpage"):
        for marked in info.itemprops.get(prop, []):
            if marked.value and not _in_person_item(marked.tag):
                candidates.append(("microdata-url", marked.value))
    parsely = _parsely(info).get("url")
    if parsely:
        candidates.append(("meta-url", parsely))
    base = info.base_href or next((v for _, v in candidates if v.startswith(("http://", "https://"))), None)
    absolute: list[tuple[str, str, str]] = []
    for rule, value in candidates:
        value = value.strip()
        if value.startswith("//"):
            value = "https:" + value
        elif not value.startswith(("http://", "https://")):
            if not base or not value.startswith("/"):
                continue
            value = _join(base, value)
        absolute.append((rule, value, value))
    deep = [c for c in absolute if _split(c[1]).path.strip("/")]
    for rule, value, raw in deep:
        if set_url(draft, value, rule=rule, lines=where(raw, attribute=True)):
            return
    shared = _url_from_share_links(info)
    if shared and set_url(draft, shared, rule="share-link", lines=where(shared), confidence=0.6):
        return
    for rule, value, raw in absolute:
        if set_url(draft, value, rule=rule, lines=where(raw), confidence=0.5):
            return


def _in_person_item(tag: Any) -> bool:
    """Whether a microdata property belongs to a person or organisation item (an author's page)."""
    scope = tag if tag.get("itemscope") is not None else next(
        (a for a in tag.iterancestors() if a.get("itemscope") is not None), None)
    kind = scope.get("itemtype") if scope is not None else None
    return isinstance(kind, str) and kind.rstrip("/").rsplit("/", 1)[-1].lower() in rules.MICRODATA_PERSON_TYPES


def _url_from_share_links(info: PageInfo) -> str | None:
    """The page address carried by a share button (``facebook.com/sharer.php?u=...``)."""
    links = (el for el in info.elements if el.tag == "a" and el.get("href") is not None)
    for count, link in enumerate(links):
        if count >= rules.MAX_SHARE_LINKS:
            break
        href = link.get("href")
        if not isinstance(href, str) or "?" not in href or not href.startswith(("http", "//")):
            continue
        parts = _split(href.strip())
        host = parts.netloc.lower()
        path = parts.path.lower()
        for (suffix, prefix), params in rules.SHARE_LINKS.items():
            if (host == suffix or host.endswith("." + suffix)) and path.startswith(prefix):
                query = parse_qs(parts.query)
                for param in params:
                    for value in query.get(param, ()):
                        value = value.strip()
                        if value.startswith(("http://", "https://")) and suffix not in _split(value).netloc:
                            return value
    return None


def _set_headline(draft: Draft, info: PageInfo, article: dict[str, Any] | None, site_names: list[str],
                  where: _Locator) -> str | None:
    """Headline by agreement between metadata titles, the visible headings and ``<title>``.

    Logo headings found on the way join ``site_names`` (in place), so the author and
    title checks that follow know the site's own name.
    """
    site = _site_of(draft.get("url"))

    def clean(value: str | None) -> str | None:
        if not value or is_junk(value) or len(value) > rules.MAX_HEADLINE_CHARS:
            return None
        return clean_headline(strip_markup(value), site=site, site_names=site_names)

    metas = _title_candidates(info, article, clean)
    h1s, h2s = _visible_headings(info, clean, site_names)
    title = clean(_cut_at_site_name(info.title, site_names))
    rest = _title_remainder(info.title, title)
    if rest and rest not in site_names:
        site_names.append(rest)
    choice = _agree(metas, h1s, h2s, title, info.title)
    if choice is None:
        return None
    rule, value, raw = choice
    visible = rule in ("h1", "h2")
    set_text(draft, "headline", value, rule=rule, lines=where(raw, visible=visible, attribute=not visible))
    _anchor_headline(info, value, h1s + h2s)
    return draft.get("headline")


def _title_candidates(info: PageInfo, article: dict[str, Any] | None, clean: Any) -> list[tuple[str, str, str]]:
    """Metadata titles as ``(rule, cleaned, raw)``, best source first."""
    metas: list[tuple[str, str, str]] = []
    if article is not None:
        raw = jsonld_string(article.get("headline"))
        if raw is None and _is_article(article):
            raw = jsonld_string(article.get("name"))
        cleaned = clean(raw)
        if cleaned:
            metas.append(("jsonld-headline", cleaned, raw or ""))
    for key in rules.META_HEADLINE:
        found = info.meta.get(key)
        cleaned = clean(found[0]) if found else None
        if cleaned:
            metas.append(("og-title" if key == "og:title" else "meta-title", cleaned, found[0]))
    for marked in info.itemprops.get("headline", []):
        raw = marked.value or marked.text
        cleaned = clean(raw)
        if cleaned:
            metas.append(("microdata-headline", cleaned, raw))
    return metas


def _visible_headings(info: PageInfo, clean: Any, site_names: list[str]
                      ) -> tuple[list[tuple[str, Marked]], list[tuple[str, Marked]]]:
    """The page's ``<h1>`` and ``<h2>`` texts that could be the headline; logo headings join ``site_names``."""
    names = {_key(n) for n in site_names}
    raw_title_key = _key(info.title)
    title_key = _key(clean(info.title))
    logos: list[str] = []

    def keep(marks: list[Marked]) -> list[tuple[str, Marked]]:
        out = []
        for marked in marks:
            cleaned = clean(marked.text)
            key = _key(cleaned)
            if not cleaned or key in names or in_boilerplate(marked.tag, info, rules.HEADING_BLOCKERS):
                continue
            if (key in raw_title_key and key not in title_key) or _links_home(marked.tag) or _is_domain(cleaned):
                logos.append(marked.text)  # the site's name: cut from the <title>, or a link home
                continue
            out.append((cleaned, marked))
        return out

    h1s, h2s = keep(info.h1), keep(info.h2)
    site_names.extend(n for n in dict.fromkeys(logos) if n not in site_names)
    return h1s, h2s


def _anchor_headline(info: PageInfo, headline: str, headings: list[tuple[str, Marked]]) -> None:
    """Remember where the headline's heading sits: dates and bylines near it belong to the article."""
    key = _key(headline)
    anchor = next((m for _, m in headings if _key(m.text) == key or (len(key) >= 12 and key in _key(m.text))), None)
    if anchor is None and headings and headings[0][1].tag.tag == "h1":
        anchor = headings[0][1]
    if anchor is not None:
        info.headline_order = anchor.order
        info.headline_chain = {id(p) for p in anchor.tag.iterancestors()}


def _cut_at_site_name(title: str | None, site_names: list[str]) -> str | None:
    """``Headline : Site Name | Site motto`` -> ``Headline`` when a known site name follows a separator."""
    if not title:
        return title
    for name in site_names:
        if len(name) < 4:
            continue
        index = title.find(name)
        head = title[:index].rstrip() if index > 0 else ""
        if len(head) >= rules.MIN_TITLE_HEAD_CHARS and head[-1] in rules.TITLE_SEPARATORS:
            return head.rstrip(rules.TITLE_SEPARATORS)
    return title


def _is_domain(text: str) -> bool:
    """Whether a heading is only a domain name (``example.de``): a logo, not a headline."""
    if " " in text or "." not in text:
        return False
    tld = text.rstrip("/").rsplit(".", 1)[1]
    return tld.isalpha() and 2 <= len(tld) <= 12


def _title_remainder(raw: str | None, cleaned: str | None) -> str | None:
    """What cleaning cut from the ``<title>`` (the site name), when it cut a clean prefix or suffix."""
    if not raw or not cleaned or raw == cleaned:
        return None
    raw = " ".join(raw.split())
    if raw.startswith(cleaned):
        rest = raw[len(cleaned):]
    elif raw.endswith(cleaned):
        rest = raw[: -len(cleaned)]
    else:
        return None
    rest = rest.strip(rules.TITLE_SEPARATORS)
    return rest if 0 < len(rest) <= rules.MAX_SITE_NAME_CHARS else None


def _links_home(tag: Any) -> bool:
    """Whether a heading is a link to the site's front page (a logo heading, not a headline)."""
    link = next((a for a in tag.iterdescendants("a") if a.get("href") is not None), None)
    if link is None:
        return False
    href = link.get("href").strip()
    if href in ("/", "./", "#", "index.html", "index.php"):
        return True
    parts = _split(href)
    return bool(parts.netloc) and parts.path.strip("/") in ("", "index.html", "index.php") and not parts.query


def _agree(metas: list[tuple[str, str, str]], h1s: list[tuple[str, Marked]], h2s: list[tuple[str, Marked]],
           title: str | None, raw_title: str | None) -> tuple[str, str, str] | None:
    """The headline the metadata titles and a visible heading agree on, else the best single source."""
    cleaned = [(m[0], m[1], _key(m[1]), m[2]) for m in metas]
    if title:
        cleaned.append(("title-tag", title, _key(title), raw_title or title))
    raws = [_key(m[2]) for m in metas] + ([_key(raw_title)] if raw_title else [])
    for rule, headings in (("h1", h1s), ("h2", h2s)):
        for text, _ in headings:
            key = _key(text)
            if any(key == c[2] for c in cleaned):
                return rule, text, text
        for text, _ in headings:
            key = _key(text)
            for meta_rule, meta_text, meta_key, meta_raw in cleaned:
                if len(meta_key) >= 12 and key.endswith(" " + meta_key):
                    return meta_rule, meta_text, meta_raw  # the heading carries a kicker before the title
        for text, _ in headings:
            key = _key(text)
            if len(key) >= 12 and any(key in raw for raw in raws):
                return rule, text, text
    if h1s:
        return "h1", h1s[0][0], h1s[0][0]
    if metas:
        return metas[0][0], metas[0][1], metas[0][2]
    if title:
        return "title-tag", title, raw_title or title
    return None


def _key(text: str | None) -> str:
    return " ".join(_WORDS.findall(text.casefold())) if text else ""


def _site_of(url: str | None) -> str | None:
    if not url:
        return None
    return site_of(url)


def _set_subheadline(draft: Draft, info: PageInfo, article: dict[str, Any] | None, where: _Locator) -> None:
    if _is_article(article):
        raw = jsonld_string(article.get("description"))  # type: ignore[union-attr]
        if raw and set_text(draft, "subheadline", strip_markup(raw), rule="jsonld-description", lines=where(raw)):
            return
    found = info.first_meta(rules.META_DESCRIPTION)
    if found:
        key, value = found
        rule = "og-description" if key == "og:description" else "meta-description"
        set_text(draft, "subheadline", value, rule=rule, lines=where(value, attribute=True))


def _set_authors(draft: Draft, info: PageInfo, article: dict[str, Any] | None, site_names: list[str],
                 ctx: Context, where: _Locator) -> None:
    """Authors: JSON-LD, then author meta tags, microdata, and the visible byline element."""
    if _authors_from_metadata(draft, info, article, site_names, ctx, where):
        _printed_byline(draft, info, where)
        return
    for marked in info.bylines:
        if in_boilerplate(marked.tag, info):
            continue
        if _set_visible_byline(draft, marked, ctx, where):
            return


def _printed_byline(draft: Draft, info: PageInfo, where: _Locator) -> None:
    """The byline as the page prints it, when it names the same people as the metadata."""
    wanted = {_key(a) for a in draft.get("authors", ())}
    if not wanted:
        return
    for marked in info.bylines:
        if in_boilerplate(marked.tag, info):
            continue
        parsed = parse_byline(marked.text, labelled=True)
        if parsed is not None and {_key(a) for a in parsed.authors} == wanted:
            draft.set("byline", parsed.text, rule="byline-element", lines=where(marked.text, visible=True),
                      overwrite=True)
            return


def _authors_from_metadata(draft: Draft, info: PageInfo, article: dict[str, Any] | None, site_names: list[str],
                           ctx: Context, where: _Locator) -> bool:
    """Authors named by JSON-LD, author meta tags or microdata; whether any were set."""
    blocked = {_key(n) for n in site_names}
    if article is not None:
        people, orgs = jsonld_people(article.get("author") or article.get("creator"), info)
        people = [p for p in people if _key(p) not in blocked]
        if people and set_authors(draft, people, rule="jsonld-author", lines=where(people[0])):
            add_agencies(draft, orgs, rule="jsonld-author")
            return True
        if orgs and not is_page_rank(type_rank(article)):
            wires = [o for o in orgs if canonical_agency(o)]
            if wires and set_authors(draft, wires, rule="jsonld-author", lines=where(wires[0])):
                return True
    for key in rules.META_AUTHOR:
        values = [v.strip() for v in info.meta.get(key, ()) if v.strip() and not _is_link(v)]
        values = [v for v in values if _key(v) not in blocked]
        if values:
            rule = "article-author" if key.startswith(("article:", "og:")) else "meta-author"
            if len(values) == 1 and _byline_names(values[0]):
                if set_byline(draft, values[0], ctx, rule=rule, lines=where(values[0], attribute=True)):
                    return True
            if set_authors(draft, values if len(values) > 1 else values[0], rule=rule,
                           lines=where(values[0], attribute=True)):
                return True
    parsely = _parsely(info).get("author")
    if parsely and set_authors(draft, parsely, rule="meta-author"):
        return True
    for marked in info.itemprops.get("author", []) + info.itemprops.get("creator", []):
        if in_boilerplate(marked.tag, info):
            continue
        name = _microdata_name(marked)
        if name and not _is_link(name) and _key(name) not in blocked:
            if set_authors(draft, name, rule="microdata-author", lines=where(name, visible=True)):
                return True
    return False


def _set_visible_byline(draft: Draft, marked: Marked, ctx: Context, where: _Locator) -> bool:
    """A byline element's text; a bare user name is taken when the element holds only the name."""
    text = marked.text
    parsed = parse_byline(text, labelled=True)
    if parsed is not None and (parsed.authors or parsed.agencies):
        names = list(parsed.authors) + list(parsed.agencies)
        lines = where(text, visible=True) or where(names[0], visible=True)
        return set_byline(draft, text, ctx, rule="byline-element", lines=lines)
    name = _strip_byline_prefix(text)
    if _BARE_NAME.match(name) and _is_name_element(marked.tag):
        lines = where(text, visible=True) or where(name, visible=True)
        return set_authors(draft, [name], rule="byline-element", lines=lines)
    return False


def _strip_byline_prefix(text: str) -> str:
    """``by wirebird`` / ``von gizzmo`` -> the name alone (a byline word before a bare user name)."""
    low = text.casefold()
    for prefixes in PREFIXES.values():
        for prefix in prefixes:
            word = prefix.casefold()
            if low.startswith(word) and len(text) > len(word) and not text[len(word)].isalnum():
                return text[len(word):].strip(" :")
    return text


def _byline_names(text: str) -> bool:
    parsed = parse_byline(text, labelled=True)
    return parsed is not None and bool(parsed.authors)


def _is_name_element(tag: Any) -> bool:
    inner = list(tag.iterdescendants("*"))
    if tag.tag == "a" or not inner:
        return True
    return all(child.tag in ("a", "span", "b", "strong", "em", "i") for child in inner)


def _microdata_name(marked: Marked) -> str | None:
    tag = marked.tag
    inner = next((el for el in tag.iterdescendants("*") if el.get("itemprop") == "name"), None) \
        if tag.get("itemscope") is not None else None
    if inner is not None:
        value = inner.get("content")
        return value if isinstance(value, str) else text_of(inner, 200)
    return marked.value if marked.value and not _is_link(marked.value) else marked.text


def _is_link(value: str) -> bool:
    low = value.strip().lower()
    return low.startswith(("http://", "https://", "www.", "//", "/")) or ("/" in low and " " not in low)


def _set_dates(draft: Draft, info: PageInfo, article: dict[str, Any] | None, ctx: Context,
               where: _Locator) -> None:
    """Publication and update dates from metadata, best source first."""
    if _is_article(article):
        for key in ("datePublished", "dateCreated", "uploadDate"):
            raw = jsonld_string(article.get(key))  # type: ignore[union-attr]
            if raw and set_date(draft, raw, ctx, rule="jsonld-date", lines=where(raw)):
                break
        raw = jsonld_string(article.get("dateModified"))  # type: ignore[union-attr]
        if raw:
            set_date(draft, raw, ctx, rule="jsonld-date", lines=where(raw), field="updated")
    for key in rules.META_PUBLISHED:
        for value in info.meta.get(key, ()):
            rule = "article-published-time" if key.startswith(("article:", "og:")) else "meta-date"
            if set_date(draft, _meta_date(value), ctx, rule=rule, lines=where(value, attribute=True)):
                break
        if draft.has("date"):
            break
    for key in rules.META_MODIFIED:
        for value in info.meta.get(key, ()):
            rule = "article-modified-time" if key.startswith(("article:", "og:")) else "meta-date"
            if set_date(draft, _meta_date(value), ctx, rule=rule, lines=where(value, attribute=True),
                        field="updated"):
                break
    for prop, target in (("datepublished", "date"), ("datecreated", "date"), ("datemodified", "updated")):
        for marked in info.itemprops.get(prop, []):
            raw = marked.value or marked.text
            if raw and set_date(draft, raw, ctx, rule="microdata-date", lines=where(raw), field=target):
                break
    parsely = _parsely(info).get("date")
    if parsely:
        set_date(draft, parsely, ctx, rule="meta-date", lines=where(parsely))
    if article is not None and is_page_rank(type_rank(article)):
        raw = jsonld_string(article.get("datePublished"))
        if raw:
            set_date(draft, raw, ctx, rule="jsonld-page-date", lines=where(raw), confidence=0.6)
    if not draft.has("date"):
        for obj in info.jsonld:
            if type_rank(obj) is None and _jsonld_kind(obj) in rules.JSONLD_NOT_ARTICLE_TYPES:
                continue
            raw = jsonld_string(obj.get("datePublished"))
            if raw and set_date(draft, raw, ctx, rule="jsonld-date", lines=where(raw), confidence=0.6):
                break


def _jsonld_kind(obj: dict[str, Any]) -> str:
    kind = obj.get("@type")
    first = kind[0] if isinstance(kind, list) and kind else kind
    return first.rsplit("/", 1)[-1].lower() if isinstance(first, str) else ""


def _set_late_dates(draft: Draft, info: PageInfo, found: Any, ctx: Context, where: _Locator) -> None:
    """Dates from visible ``<time>`` and date elements, the text around the headline, then the URL path."""
    times = _by_distance([m for m in info.times if not in_boilerplate(m.tag, info)], info.headline_order)
    if not draft.has("date"):
        _visible_date(draft, info, found, times, ctx, where)
    if not draft.has("updated"):
        for mark in times:
            raw = mark.value or mark.text
            if raw and _time_kind(mark) == "updated" and set_date(
                    draft, raw, ctx, rule="time-element", lines=where(raw, visible=True), field="updated"):
                break


def _visible_date(draft: Draft, info: PageInfo, found: Any, times: list[Marked], ctx: Context,
                  where: _Locator) -> None:
    """The publication date from what the page shows, nearest the headline first."""
    marked = [m for m in times if m.tag.get("pubdate") is not None or _time_kind(m) == "published"]
    anchor = info.headline_order
    others = [m for m in times if _time_kind(m) != "updated"
              and (anchor is None or _near(m.order, anchor, rules.TIME_NEAR_BEFORE))]
    for group in (marked, others):
        for mark in group:
            raw = mark.value or mark.text
            if raw and set_date(draft, raw, ctx, rule="time-element",
                                    lines=where(mark.value, visible=True) or where(mark.text, visible=True)):
                break
        if draft.has("date"):
            break
    if not draft.has("date"):
        for mark in _by_distance(info.date_elements, info.headline_order):
            if info.headline_order is not None and not _near(mark.order, info.headline_order):
                continue
            if in_boilerplate(mark.tag, info):
                continue
            if set_date(draft, mark.text, ctx, rule="date-element", lines=where(mark.text, visible=True),
                        confidence=0.6):
                break
    for key in rules.META_DATE_WEAK:
        for value in info.meta.get(key, ()):
            if set_date(draft, _meta_date(value), ctx, rule="meta-date", lines=where(value, attribute=True),
                        confidence=0.6):
                return
    if not draft.has("date"):
        _date_near_heading(draft, info, ctx, where)
    if not draft.has("date"):
        _date_from_text(draft, found, ctx, where)
    url = draft.get("url")
    if not draft.has("date") and url:
        _date_from_url(draft, url, ctx)


def _date_near_heading(draft: Draft, info: PageInfo, ctx: Context, where: _Locator) -> None:
    """A date written in the box that holds the headline's heading: a line that is only a date first."""
    heading = next((m for m in info.h1 + info.h2 if m.order == info.headline_order), None)
    if heading is None:
        return
    box = heading.tag.getparent()
    for _ in range(2):
        if box is None or box.tag in ("body", "html"):
            return
        lines = segments_of(box, rules.DATE_SCAN_MAX_CHARS * 2)
        short = [line for line in lines if len(line) <= rules.DATE_LINE_MAX_CHARS]
        for group in (short, lines):
            if _first_date(draft, group, ctx, where, rule="heading-box-date"):
                return
        box = box.getparent()


def _first_date(draft: Draft, texts: list[str], ctx: Context, where: _Locator, *, rule: str) -> bool:
    """Set the first publication-like date found in ``texts``, in order."""
    settings = ctx.settings
    for text in texts:
        for match in find_dates(text[: rules.DATE_SCAN_MAX_CHARS], dayfirst=settings.dayfirst,
                                reference=settings.reference_time):
            if match.kind in ("captured", "updated") or match.relative:
                continue
            if set_date(draft, match.iso, ctx, rule=rule, lines=where(text[match.start:match.end], visible=True),
                        confidence=0.55):
                return True
    return False


def _date_from_text(draft: Draft, found: Any, ctx: Context, where: _Locator) -> None:
    """A date written in the lines around the headline, at the end of the text, or in the description."""
    blocks = found.blocks
    headline = _key(draft.get("headline"))
    start = found.start
    for index, block in enumerate(blocks[:found.start + 1]):
        if block.kind in ("h1", "h2") and headline and _key(block.text) == headline:
            start = index
            break
    window = blocks[max(0, start - 3):start + rules.DATE_SCAN_BLOCKS]
    texts = [b.text for b in window] + [b.text for b in found.chosen[-3:]]
    texts.append(draft.get("subheadline") or "")
    texts = [t for t in texts if t and len(t) <= rules.DATE_SCAN_MAX_CHARS]
    short = [t for t in texts if len(t) <= rules.DATE_LINE_MAX_CHARS]
    for group in (short, texts):
        if _first_date(draft, group, ctx, where, rule="text-date"):
            return


def _by_distance(marks: list[Marked], anchor: int | None) -> list[Marked]:
    """Elements nearest the headline first (those after it before those above it)."""
    if anchor is None:
        return marks
    return sorted(marks, key=lambda m: (m.order < anchor, abs(m.order - anchor)))


def _near(order: int, anchor: int, before: int = rules.DATE_NEAR_BEFORE) -> bool:
    """Whether an element sits close enough below (or just above) the headline to belong to it."""
    return -before <= order - anchor <= rules.DATE_NEAR_AFTER


def _time_kind(mark: Marked) -> str:
    """``published``, ``updated`` or ``unknown``, from the classes around a ``<time>`` and its label text."""
    parent = mark.tag.getparent()
    toks = tokens(mark.tag) | tokens(parent) if parent is not None else tokens(mark.tag)
    if not toks.isdisjoint(rules.UPDATED_TOKENS):
        return "updated"
    if not toks.isdisjoint(rules.PUBLISHED_TOKENS):
        return "published"
    label = mark.tag.get("aria-label") or mark.tag.get("title")
    text = f"{label} {mark.text}" if isinstance(label, str) else mark.text
    for match in find_dates(text[:300]):
        if match.kind in ("published", "updated"):
            return match.kind
    return "unknown"


def _meta_date(value: str) -> str:
    """A compact meta date (``20220506``, ``20220506T093000``) written out as ISO; anything else as is."""
    match = _META_COMPACT_DATE.match(value.strip())
    if not match:
        return value
    year, month, day, hour, minute, second = match.groups()
    if hour is None:
        return f"{year}-{month}-{day}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}"


def _date_from_url(draft: Draft, url: str, ctx: Context) -> None:
    path = _split(url).path
    match = _URL_DATE.search(path) or _URL_DATE_COMPACT.search(path)
    if match:
        year, month, day = (int(g) for g in match.groups())
        set_date(draft, f"{year:04d}-{month:02d}-{day:02d}", ctx, rule="url-date", confidence=0.6)


def _parsely(info: PageInfo) -> dict[str, str]:
    """Fields of the ``parsely-page`` JSON meta tag."""
    raw = info.meta.get("parsely-page")
    if not raw:
        return {}
    try:
        data = json.loads(raw[0])
    except (ValueError, RecursionError):
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, str] = {}
    for key, name in rules.PARSELY_PAGE_KEYS.items():
        value = jsonld_string(data.get(key))
        if value:
            out[name] = value
    return out


def _set_language(draft: Draft, info: PageInfo, article: dict[str, Any] | None, where: _Locator) -> None:
    candidates: list[tuple[str, str | None]] = [("html-lang", info.html_lang)]
    for key in rules.META_LANGUAGE:
        for value in info.meta.get(key, ()):
            candidates.append(("og-locale" if key == "og:locale" else "meta-language", value))
    if article is not None:
        candidates.append(("jsonld-language", jsonld_string(article.get("inLanguage"))))
    for rule, raw in candidates:
        code = language_code(raw)
        if code and set_text(draft, "language", code, rule=rule, lines=where(raw, attribute=rule != "jsonld-language")):
            return


def language_code(raw: str | None) -> str | None:
    """``de-DE``, ``en_US``, ``fra`` -> the ISO 639-1 code; ``None`` for anything else."""
    if not raw:
        return None
    match = _LANG.match(raw.strip().split(",")[0].strip())
    if not match:
        return None
    code = match.group(1).lower()
    if len(code) == 3:
        return rules.LANGUAGE_CODES_3.get(code)
    return rules.LANGUAGE_ALIASES.get(code, code)


# --------------------------------------------------------------------------- body


def _set_body(draft: Draft, info: PageInfo, article: dict[str, Any] | None,
              headline: str | None, text: str) -> Any:
    """The article text (or JSON-LD ``articleBody`` when the page's own text is missing or short)."""
    found = extract(info, headline)
    finder = LineFinder(text)
    chosen = [b for b in found.chosen if not _is_meta_line(b.text, draft)]
    paragraphs = [Paragraph(b.text, *finder.span(b.text)) for b in chosen]
    body_chars = sum(len(p.text) for p in paragraphs)
    json_body = _jsonld_body(article)
    rule, captions = found.rule, found.captions
    if json_body and (body_chars < rules.MIN_BODY_CHARS or body_chars < 0.5 * len(json_body)):
        lines = _Locator(text)(json_body[:60]) or (1, 1)
        paragraphs = [Paragraph(p, lines[0], lines[1]) for p in _split_body(json_body)]
        rule, captions = "jsonld-article-body", []
    dom_captions: list[str] = []
    for caption in captions:
        caption = strip_markup(caption).strip()
        if caption and caption not in dom_captions:
            dom_captions.append(caption)
    set_body(draft, paragraphs, rule=rule)
    if dom_captions:
        merged = dom_captions + [c for c in draft.get("captions", ()) if c not in dom_captions]
        where = _Locator(text)
        first, last = where(dom_captions[0], visible=True), where(dom_captions[-1], visible=True)
        lines = (first[0], max(first[1], last[1] if last else first[1])) if first else None
        draft.set("captions", merged, rule="figcaption", lines=lines, overwrite=True, confidence=0.8)
    return found


def _is_meta_line(text: str, draft: Draft) -> bool:
    """A short line of the article box that only repeats the date or the byline."""
    if len(text) > rules.META_LINE_MAX_CHARS:
        return False
    if is_date_line(text):
        return True
    authors = {_key(a) for a in draft.get("authors", ())}
    if not authors:
        return False
    parsed = parse_byline(text)
    return parsed is not None and {_key(a) for a in parsed.authors} == authors


def _jsonld_body(article: dict[str, Any] | None) -> str | None:
    if not _is_article(article):
        return None
    raw = jsonld_string(article.get("articleBody"))  # type: ignore[union-attr]
    if not raw or len(raw) < rules.JSONLD_BODY_MIN_CHARS:
        return None
    return raw


def _split_body(raw: str) -> list[str]:
    text = strip_markup(raw) if "<" in raw else raw
    parts = [" ".join(p.split()) for p in text.split("\n")]
    return [p for p in parts if p]
