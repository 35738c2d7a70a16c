"""Saved web pages: metadata from JSON-LD, OpenGraph and meta tags, text from the main article box.

Metadata sources are tried best first, each field with its own provenance rule
(``jsonld-headline``, ``og-title``, ``h1``, ``canonical-link``, ``time-element``...).
The body is the text of the container that holds the article, found by semantic
markup or by paragraph density once navigation, share bars, related lists and
comments are skipped. Nothing is ever fetched.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..fields.text import Paragraph, strip_markup
from ..rules import html as rules
from .base import Context, Draft
from .common import add_agencies, is_junk, set_authors, set_body, set_byline, set_date, set_text, set_url
from .html_meta import (
    Marked,
    PageInfo,
    collect,
    in_boilerplate,
    is_page_rank,
    jsonld_people,
    jsonld_string,
    resolve,
    type_rank,
)

NAME = "html"
DESCRIPTION = "a saved web page: <!doctype html>, <html>, <head>/<body> or dense tags near the top"

_LEADING_JUNK = re.compile(r"\A(?:\s|<!--.{0,2000}?-->|<\?xml[^>]{0,300}\?>)*", re.DOTALL)
_OPENING_TAG = re.compile(r"<([a-z][a-z0-9]{0,15})[\s/>]")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,400})?/?>")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\.|$)")
_URL_DATE_COMPACT = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?:/|-|_|\.|$)")
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
_WORDS = re.compile(r"\w+")
#: A user or pen name on its own: one to four words of letters, digits and name punctuation.
_BARE_NAME = re.compile(r"^(?=[^\d]*[^\W\d_])[\w.'’-]{2,30}(?: [\w.'’-]{1,30}){0,3}$")


# --------------------------------------------------------------------------- sniffing


def sniff(text: str) -> float:
    """High for a page or fragment that opens with HTML markup; low for text with a few inline tags."""
    head = text[:rules.SNIFF_OPENING_CHARS]
    opening = _LEADING_JUNK.match(head)
    start = head[opening.end() if opening else 0:][:200].lower()
    if start.startswith(rules.STRONG_OPENINGS):
        return 0.95
    lower = text[:rules.SNIFF_PAGE_CHARS].lower()
    page_tags = sum(1 for t in rules.PAGE_TAGS if t in lower)
    opener = _OPENING_TAG.match(start)
    if opener and opener.group(1) in rules.OPENING_ELEMENTS:
        return 0.9 if page_tags else 0.7
    if "<" not in head:
        return 0.0
    if page_tags >= 2:
        return 0.7
    tags = _TAG.findall(head)
    share = sum(len(t) for t in tags) / max(len(head), 1)
    if len(tags) >= rules.SNIFF_MIN_TAGS and share >= rules.SNIFF_MIN_TAG_SHARE:
        return 0.6
    return 0.4 if page_tags else 0.0


# --------------------------------------------------------------------------- parsing


def _soup(text: str) -> Any:
    """The parsed page: lxml when installed, else Python's own parser; parser warnings silenced."""
    import warnings

    from bs4 import BeautifulSoup

    try:
        import lxml  # noqa: F401

        features = "lxml"
    except ImportError:
        features = "html.parser"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return BeautifulSoup(text, features)


def parse(text: str, ctx: Context) -> list[Draft]:
    """One draft for the page: metadata best source first, then the article text."""
    soup = _soup(text)
    info = collect(soup)
    draft = Draft()
    where = _Locator(text)
    article = _pick_article(info)
    site_names = _site_names(info, article)
    _set_url(draft, soup, info, article, where)
    headline = _set_headline(draft, info, article, site_names, where)
    _set_subheadline(draft, info, article, where)
    _set_authors(draft, info, article, site_names, ctx, where)
    _set_dates(draft, info, article, ctx, where)
    _set_language(draft, info, article, where)
    found = _set_body(draft, soup, info, article, headline, text)
    _set_late_dates(draft, info, found, ctx, where)
    if info.jsonld_status == "repaired":
        draft.warn("malformed JSON-LD repaired")
    elif info.jsonld_status == "broken":
        draft.warn("malformed JSON-LD ignored")
    return [draft]


class _Locator:
    """Line numbers of metadata values, found by a plain search of the raw page."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, value: str | None) -> tuple[int, int] | None:
        if not value:
            return None
        probe = value.strip()[:60]
        pos = self.text.find(probe) if probe else -1
        if pos < 0:
            return None
        line = self.text.count("\n", 0, pos) + 1
        return line, line + probe.count("\n")

    def of_tag(self, tag: Any) -> tuple[int, int] | None:
        line = getattr(tag, "sourceline", None)
        return (line, line) if isinstance(line, int) else None


# --------------------------------------------------------------------------- JSON-LD choice


def _pick_article(info: PageInfo) -> dict[str, Any] | None:
    """The JSON-LD object that describes the article: best type, matching the page URL when several."""
    best: tuple[int, int, int] | None = None
    chosen = None
    page_url = _url_key(info.canonical or info.first_meta(("og:url",)) and info.first_meta(("og:url",))[1])
    for order, obj in enumerate(info.jsonld):
        rank = type_rank(obj)
        if rank is None:
            continue
        url = jsonld_string(obj.get("url")) or jsonld_string(obj.get("mainEntityOfPage"))
        mismatch = 1 if page_url and url and _url_key(url) != page_url else 0
        empty = 0 if (obj.get("headline") or obj.get("name") or obj.get("datePublished")) else 1
        key = (rank if not is_page_rank(rank) else 1000 + rank, mismatch + empty, order)
        if best is None or key < best:
            best, chosen = key, obj
    return chosen


def _url_key(url: str | None) -> str | None:
    if not url:
        return None
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else None


def _is_article(obj: dict[str, Any] | None) -> bool:
    return obj is not None and not is_page_rank(type_rank(obj))


def _site_names(info: PageInfo, article: dict[str, Any] | None) -> list[str]:
    names: list[str] = []
    for key in ("og:site_name", "application-name", "apple-mobile-web-app-title"):
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


def _set_url(draft: Draft, soup: Any, info: PageInfo, article: dict[str, Any] | None, where: _Locator) -> None:
    """The page address: canonical link, OpenGraph, JSON-LD, microdata, then share buttons."""
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
    for marked in info.itemprops.get("url", []):
        if marked.value:
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
            value = urljoin(base, value)
        absolute.append((rule, value, value))
    deep = [c for c in absolute if urlsplit(c[1]).path.strip("/")]
    for rule, value, raw in deep:
        if set_url(draft, value, rule=rule, lines=where(raw)):
            return
    shared = _url_from_share_links(soup)
    if shared and set_url(draft, shared, rule="share-link", lines=where(shared), confidence=0.6):
        return
    for rule, value, raw in absolute:
        if set_url(draft, value, rule=rule, lines=where(raw), confidence=0.5):
            return


def _url_from_share_links(soup: Any) -> str | None:
    """The page address carried by a share button (``facebook.com/sharer.php?u=...``)."""
    from urllib.parse import parse_qs

    for count, link in enumerate(soup.find_all("a", href=True)):
        if count >= rules.MAX_SHARE_LINKS:
            break
        href = link.get("href")
        if not isinstance(href, str) or "?" not in href or not href.startswith(("http", "//")):
            continue
        parts = urlsplit(href.strip())
        host = parts.netloc.lower()
        path = parts.path.lower()
        for (suffix, prefix), params in rules.SHARE_LINKS.items():
            if (host == suffix or host.endswith("." + suffix)) and path.startswith(prefix):
                query = parse_qs(parts.query)
                for param in params:
                    for value in query.get(param, ()):
                        value = value.strip()
                        if value.startswith(("http://", "https://")) and suffix not in urlsplit(value).netloc:
                            return value
    return None


def _set_headline(draft: Draft, info: PageInfo, article: dict[str, Any] | None, site_names: list[str],
                  where: _Locator) -> str | None:
    """Headline by agreement between metadata titles, the visible ``<h1>`` and ``<title>``."""
    from ..fields.headline import clean_headline

    site = _site_of(draft.get("url"))

    def clean(value: str | None) -> str | None:
        if not value or is_junk(value):
            return None
        value = strip_markup(value)
        if len(value) > 600:
            return None
        return clean_headline(value, site=site, site_names=site_names)

    metas: list[tuple[str, str, str]] = []  # (rule, cleaned, raw)
    if article is not None:
        raw = jsonld_string(article.get("headline")) or (jsonld_string(article.get("name")) if _is_article(article) else None)
        cleaned = clean(raw)
        if cleaned:
            metas.append(("jsonld-headline", cleaned, raw or ""))
    for key in rules.META_HEADLINE:
        found = info.meta.get(key)
        if found:
            cleaned = clean(found[0])
            if cleaned:
                metas.append(("og-title" if key == "og:title" else "meta-title", cleaned, found[0]))
    for marked in info.itemprops.get("headline", []):
        cleaned = clean(marked.value or marked.text)
        if cleaned:
            metas.append(("microdata-headline", cleaned, marked.value or marked.text))
    names = {_key(n) for n in site_names}
    raw_title_key = _key(info.title)
    title = clean(info.title)
    title_key = _key(title)

    def visible(marks: list[Marked]) -> list[tuple[str, Marked]]:
        out = []
        for marked in marks:
            cleaned = clean(marked.text)
            key = _key(cleaned)
            if not cleaned or key in names or in_boilerplate(marked.tag, info, rules.HEADING_BLOCKERS):
                continue
            if key and key in raw_title_key and key not in title_key:
                continue  # the site name, cut from the <title> as a suffix
            if _links_home(marked.tag):
                logos.append(marked.text)
                continue
            out.append((cleaned, marked))
        return out

    logos: list[str] = []
    h1s, h2s = visible(info.h1), visible(info.h2)
    if logos:
        site_names = site_names + logos
        title = clean(info.title)
    choice = _agree(metas, h1s, h2s, title, info.title)
    if choice is None:
        return None
    rule, value = choice
    set_text(draft, "headline", value, rule=rule, lines=where(value))
    key = _key(value)
    anchor = None
    for _, marked in h1s + h2s:
        if _key(marked.text) == key or (len(key) >= 12 and key in _key(marked.text)):
            anchor = marked
            break
    else:
        if h1s:
            anchor = h1s[0][1]
    if anchor is not None:
        info.headline_order = anchor.order
        info.headline_chain = {id(p) for p in anchor.tag.parents}
    return draft.get("headline")


def _links_home(tag: Any) -> bool:
    """Whether a heading is a link to the site's front page (a logo heading, not a headline)."""
    link = tag.find("a", href=True)
    if link is None:
        return False
    href = link["href"].strip() if isinstance(link["href"], str) else ""
    if href in ("/", "./", "#", "index.html", "index.php"):
        return True
    parts = urlsplit(href)
    return bool(parts.netloc) and parts.path.strip("/") in ("", "index.html", "index.php") and not parts.query


def _agree(metas: list[tuple[str, str, str]], h1s: list[tuple[str, Marked]], h2s: list[tuple[str, Marked]],
           title: str | None, raw_title: str | None) -> tuple[str, str] | None:
    """The headline the metadata titles and a visible heading agree on, else the best single source."""
    cleaned = [(m[0], m[1], _key(m[1])) for m in metas]
    if title:
        cleaned.append(("title-tag", title, _key(title)))
    raws = [_key(m[2]) for m in metas] + ([_key(raw_title)] if raw_title else [])
    for rule, headings in (("h1", h1s), ("h2", h2s)):
        for text, _ in headings:
            key = _key(text)
            if any(key == c[2] for c in cleaned):
                return rule, text
        for text, _ in headings:
            key = _key(text)
            for meta_rule, meta_text, meta_key in cleaned:
                if len(meta_key) >= 12 and key.endswith(" " + meta_key):
                    return meta_rule, meta_text  # the heading carries a kicker before the title
        for text, _ in headings:
            key = _key(text)
            if len(key) >= 12 and any(key in raw for raw in raws):
                return rule, text
    if h1s:
        return "h1", h1s[0][0]
    if metas:
        return metas[0][0], metas[0][1]
    if title:
        return "title-tag", title
    return None


def _key(text: str | None) -> str:
    return " ".join(_WORDS.findall(text.casefold())) if text else ""


def _site_of(url: str | None) -> str | None:
    if not url:
        return None
    from ..fields.urls import site_of

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
        set_text(draft, "subheadline", value, rule=rule, lines=where(value))


def _set_authors(draft: Draft, info: PageInfo, article: dict[str, Any] | None, site_names: list[str],
                 ctx: Context, where: _Locator) -> None:
    """Authors: JSON-LD, then author meta tags, microdata, and the visible byline element."""
    blocked = {_key(n) for n in site_names}
    if article is not None:
        people, orgs = jsonld_people(article.get("author") or article.get("creator"), info)
        people = [p for p in people if _key(p) not in blocked]
        if people and set_authors(draft, people, rule="jsonld-author", lines=where(people[0])):
            add_agencies(draft, orgs, rule="jsonld-author")
            return
        if orgs and not is_page_rank(type_rank(article)):
            add_agencies(draft, orgs, rule="jsonld-author")
    for key in rules.META_AUTHOR:
        values = [v.strip() for v in info.meta.get(key, ()) if v.strip() and not _is_link(v)]
        values = [v for v in values if _key(v) not in blocked]
        if values:
            rule = "article-author" if key.startswith(("article:", "og:")) else "meta-author"
            if len(values) == 1 and _byline_names(values[0]):
                if set_byline(draft, values[0], ctx, rule=rule, lines=where(values[0])):
                    return
            if set_authors(draft, values if len(values) > 1 else values[0], rule=rule, lines=where(values[0])):
                return
    parsely = _parsely(info).get("author")
    if parsely and set_authors(draft, parsely, rule="meta-author"):
        return
    for marked in info.itemprops.get("author", []) + info.itemprops.get("creator", []):
        if in_boilerplate(marked.tag, info):
            continue
        name = _microdata_name(marked)
        if name and not _is_link(name) and _key(name) not in blocked:
            if set_authors(draft, name, rule="microdata-author", lines=where(name)):
                return
    for marked in info.bylines:
        if in_boilerplate(marked.tag, info):
            continue
        if _set_visible_byline(draft, marked, ctx, where):
            return


def _set_visible_byline(draft: Draft, marked: Marked, ctx: Context, where: _Locator) -> bool:
    """A byline element's text; a bare user name is taken when the element holds only the name."""
    from ..fields.bylines import parse_byline

    text = marked.text
    parsed = parse_byline(text, labelled=True)
    if parsed is not None and (parsed.authors or parsed.agencies):
        return set_byline(draft, text, ctx, rule="byline-element", lines=where(text))
    if _BARE_NAME.match(text) and _is_name_element(marked.tag):
        return set_authors(draft, [text], rule="byline-element", lines=where(text))
    return False


def _byline_names(text: str) -> bool:
    from ..fields.bylines import parse_byline

    parsed = parse_byline(text, labelled=True)
    return parsed is not None and bool(parsed.authors)


def _is_name_element(tag: Any) -> bool:
    if tag.name == "a" or tag.find(True) is None:
        return True
    return all(child.name in ("a", "span", "b", "strong", "em", "i") for child in tag.find_all(True))


def _microdata_name(marked: Marked) -> str | None:
    tag = marked.tag
    inner = tag.find(attrs={"itemprop": "name"}) if tag.get("itemscope") is not None else None
    if inner is not None:
        value = inner.get("content")
        from .html_meta import text_of

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
            if set_date(draft, value, ctx, rule=rule, lines=where(value)):
                break
        if draft.has("date"):
            break
    for key in rules.META_MODIFIED:
        for value in info.meta.get(key, ()):
            rule = "article-modified-time" if key.startswith(("article:", "og:")) else "meta-date"
            if set_date(draft, value, ctx, rule=rule, lines=where(value), field="updated"):
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
            raw = jsonld_string(obj.get("datePublished"))
            if raw and set_date(draft, raw, ctx, rule="jsonld-date", lines=where(raw), confidence=0.6):
                break


def _set_late_dates(draft: Draft, info: PageInfo, found: Any, ctx: Context, where: _Locator) -> None:
    """Dates from visible ``<time>`` and date elements, the text around the headline, then the URL path."""
    if draft.has("date"):
        return
    times = _by_distance([m for m in info.times if not in_boilerplate(m.tag, info)], info.headline_order)
    marked = [m for m in times if m.tag.get("pubdate") is not None or _time_kind(m) == "published"]
    anchor = info.headline_order
    others = [m for m in times if _time_kind(m) != "updated"
              and (anchor is None or _near(m.order, anchor, rules.TIME_NEAR_BEFORE))]
    for group in (marked, others):
        for mark in group:
            raw = mark.value or mark.text
            if raw and set_date(draft, raw, ctx, rule="time-element", lines=where(mark.value) or where(mark.text)):
                break
        if draft.has("date"):
            break
    if not draft.has("date"):
        for mark in _by_distance(info.date_elements, info.headline_order):
            if info.headline_order is not None and not _near(mark.order, info.headline_order):
                continue
            if in_boilerplate(mark.tag, info):
                continue
            if set_date(draft, mark.text, ctx, rule="date-element", lines=where(mark.text), confidence=0.6):
                break
    for key in rules.META_DATE_WEAK:
        for value in info.meta.get(key, ()):
            if set_date(draft, value, ctx, rule="meta-date", lines=where(value), confidence=0.6):
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
    from .html_meta import segments_of

    heading = next((m for m in info.h1 + info.h2 if m.order == info.headline_order), None)
    if heading is None:
        return
    box = heading.tag.parent
    for _ in range(2):
        if box is None or box.name in ("body", "html", "[document]"):
            return
        lines = segments_of(box, rules.DATE_SCAN_MAX_CHARS * 2)
        short = [line for line in lines if len(line) <= rules.DATE_LINE_MAX_CHARS]
        for group in (short, lines):
            if _first_date(draft, group, ctx, where, rule="heading-box-date"):
                return
        box = box.parent


def _first_date(draft: Draft, texts: list[str], ctx: Context, where: _Locator, *, rule: str) -> bool:
    """Set the first publication-like date found in ``texts``, in order."""
    from ..fields.dates import find_dates

    settings = ctx.settings
    for text in texts:
        for match in find_dates(text[: rules.DATE_SCAN_MAX_CHARS], dayfirst=settings.dayfirst,
                                reference=settings.reference_time):
            if match.kind in ("captured", "updated") or match.relative:
                continue
            if set_date(draft, match.iso, ctx, rule=rule, lines=where(text[match.start:match.end]), confidence=0.55):
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
    from ..fields.dates import find_dates
    from .html_meta import tokens

    toks = tokens(mark.tag) | tokens(mark.tag.parent) if mark.tag.parent is not None else tokens(mark.tag)
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


def _date_from_url(draft: Draft, url: str, ctx: Context) -> None:
    path = urlsplit(url).path
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
        if code and set_text(draft, "language", code, rule=rule, lines=where(raw)):
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


def _set_body(draft: Draft, soup: Any, info: PageInfo, article: dict[str, Any] | None,
              headline: str | None, text: str) -> Any:
    """The article text (or JSON-LD ``articleBody`` when the page's own text is missing or short)."""
    from .html_body import LineFinder, extract

    found = extract(soup, info, headline)
    finder = LineFinder(text)
    paragraphs = [Paragraph(b.text, *finder.span(b.text)) for b in found.chosen]
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
        draft.set("captions", merged, rule="figcaption", overwrite=True, confidence=0.8)
    return found


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
