"""Word lists and patterns for saved web pages: what marks an HTML file, which meta keys carry
which field, which tags, classes and ids hold boilerplate, and which hold the article text.

Data only; :mod:`newsclip.dialects.html` compiles and applies it. Class and id values
are split into lower-case tokens at any character that is not a letter or digit, and
at lower-to-upper case changes (``articleBody`` -> ``article``, ``body``).
"""

# --------------------------------------------------------------------------- sniffing

#: Openings that make a file HTML beyond doubt (after leading blanks and comments, lower-cased).
STRONG_OPENINGS: tuple[str, ...] = ("<!doctype html", "<html")

#: Elements that only ever open a page's markup: first thing in a file, they make it HTML.
PAGE_OPENING_ELEMENTS: frozenset[str] = frozenset({
    "head", "body", "meta", "title", "link", "style", "script", "base", "noscript", "frameset",
})

#: Elements that open a fragment of a page; first thing in a file, they make it HTML when
#: more tags follow.
FRAGMENT_OPENING_ELEMENTS: frozenset[str] = frozenset({
    "div", "section", "article", "main", "header", "nav", "table", "p", "h1", "h2", "h3", "ul", "ol",
    "span", "form", "iframe", "center", "font", "aside", "footer", "figure", "img", "a", "svg",
})

#: Tags whose presence anywhere in the head of a file says "web page".
PAGE_TAGS: tuple[str, ...] = ("<html", "<head>", "<head ", "<body", "<!doctype html")

#: Characters from the top searched for the opening tag and for tag density.
SNIFF_OPENING_CHARS = 4000

#: Characters from the top searched for page tags (``<html``, ``<body``...).
SNIFF_PAGE_CHARS = 20_000

#: Minimum number of tags in the sniffed head for a tag-dense text to count as HTML.
SNIFF_MIN_TAGS = 25

#: Tags a fragment that opens with a tag (but has no ``<html>``/``<body>``) needs to count as HTML.
SNIFF_MIN_FRAGMENT_TAGS = 4

#: Share of the sniffed head's characters that must sit inside tags for tag density to count.
SNIFF_MIN_TAG_SHARE = 0.3

# --------------------------------------------------------------------------- metadata keys
# Keys are the lower-cased ``property``, ``name`` or ``itemprop`` of a <meta> tag.
# Within a tuple, earlier keys win.

META_HEADLINE: tuple[str, ...] = (
    "og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title", "dcterms.title",
    "citation_title", "headline", "title",
)

META_PUBLISHED: tuple[str, ...] = (
    "article:published_time", "og:article:published_time", "article:published", "og:published_time",
    "published_time", "article.published", "datepublished", "parsely-pub-date", "sailthru.date",
    "dcterms.issued", "dc.date.issued", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "article_date_original", "original-publish-date", "originalpublicationdate",
    "citation_publication_date", "citation_date", "prism.publicationdate", "rnews:datepublished",
    "cxenseparse:recs:publishtime", "article:post_date", "og:pubdate", "displaydate",
)

#: Generic date keys that content systems often fill with the last-change date: read after the
#: visible ``<time>`` and date elements.
META_DATE_WEAK: tuple[str, ...] = (
    "dcterms.created", "dc.date.created", "datecreated", "dc.date", "dcterms.date", "date",
    "date.available", "dc.date.available",
)

META_MODIFIED: tuple[str, ...] = (
    "article:modified_time", "og:article:modified_time", "og:updated_time", "article:modified",
    "datemodified", "dcterms.modified", "dc.date.modified", "modified_time", "last-modified",
    "lastmod", "article.updated", "revised",
)

META_AUTHOR: tuple[str, ...] = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "citation_author", "byl", "article.author", "authors", "cxenseparse:author",
    "author_name", "article:author_name",
)

META_URL: tuple[str, ...] = ("og:url", "twitter:url", "parsely-link", "dc.identifier", "dcterms.identifier")

META_DESCRIPTION: tuple[str, ...] = ("og:description", "twitter:description", "description", "dc.description")

META_SITE_NAME: tuple[str, ...] = ("og:site_name", "application-name", "apple-mobile-web-app-title",
                                   "publisher", "dc.publisher")

META_LANGUAGE: tuple[str, ...] = ("og:locale", "content-language", "language", "dc.language",
                                  "dcterms.language", "inlanguage")

#: ``<meta name="parsely-page">`` holds a JSON object; its keys per field.
PARSELY_PAGE_KEYS: dict[str, str] = {"title": "headline", "pub_date": "date", "link": "url", "author": "author"}

#: Share buttons that carry the page's own address: (host suffix, path prefix) -> query parameters holding it.
SHARE_LINKS: dict[tuple[str, str], tuple[str, ...]] = {
    ("facebook.com", "/sharer"): ("u",),
    ("facebook.com", "/share"): ("u", "href"),
    ("facebook.com", "/dialog/share"): ("href",),
    ("twitter.com", "/intent/tweet"): ("url",),
    ("twitter.com", "/share"): ("url",),
    ("x.com", "/intent"): ("url",),
    ("linkedin.com", "/sharearticle"): ("url",),
    ("linkedin.com", "/sharing"): ("url",),
    ("xing.com", "/spi/shares"): ("url",),
    ("xing.com", "/social"): ("url",),
    ("reddit.com", "/submit"): ("url",),
    ("pinterest.com", "/pin/create"): ("url",),
    ("t.me", "/share"): ("url",),
    ("telegram.me", "/share"): ("url",),
    ("getpocket.com", "/save"): ("url",),
    ("tumblr.com", "/share"): ("url", "u"),
    ("vk.com", "/share.php"): ("url",),
}

#: Share links read before giving up on a page address.
MAX_SHARE_LINKS = 5000

#: Characters trimmed from a site name cut off a ``<title>``.
TITLE_SEPARATORS = " |-–—:·•/»«~"

#: A headline left of a site name in a ``<title>`` is at least this long (characters).
MIN_TITLE_HEAD_CHARS = 10

#: A site name cut off a ``<title>`` is at most this long.
MAX_SITE_NAME_CHARS = 60

# --------------------------------------------------------------------------- JSON-LD

#: Article ``@type`` values, best first; the index is the priority.
JSONLD_ARTICLE_TYPES: tuple[str, ...] = (
    "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "article", "blogposting",
    "liveblogposting", "socialmediaposting", "report", "scholarlyarticle", "techarticle", "posting",
    "discussionforumposting", "creativework",
)

#: Page types used only when no article type is present.
JSONLD_PAGE_TYPES: tuple[str, ...] = ("webpage", "itempage", "aboutpage", "collectionpage")

#: ``@type`` values whose ``datePublished`` never dates the page (reader comments, reviews, people).
JSONLD_NOT_ARTICLE_TYPES: frozenset[str] = frozenset({
    "comment", "answer", "question", "review", "person", "organization", "newsmediaorganization",
    "rating", "aggregaterating", "offer", "event", "listitem", "itemlist", "breadcrumblist",
})

#: ``@type`` values of an author that is an organisation, not a person.
JSONLD_ORG_TYPES: tuple[str, ...] = ("organization", "newsmediaorganization", "corporation", "organisation")

#: Microdata item types whose ``url`` is a profile page, not the article's address.
MICRODATA_PERSON_TYPES: frozenset[str] = frozenset({"person", "organization", "newsmediaorganization", "corporation"})

#: Keys under which a JSON-LD object nests the object it is about.
JSONLD_NESTED_KEYS: tuple[str, ...] = ("@graph", "mainEntity", "mainentity")

#: A JSON-LD ``articleBody`` at least this long (characters) is used as the body when the page's own
#: article text is shorter or missing.
JSONLD_BODY_MIN_CHARS = 400

# --------------------------------------------------------------------------- language

#: Three-letter language codes (ISO 639-2) mapped to their ISO 639-1 code.
LANGUAGE_CODES_3: dict[str, str] = {
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "ita": "it",
    "por": "pt", "nld": "nl", "dut": "nl", "rus": "ru", "zho": "zh", "chi": "zh", "jpn": "ja",
    "kor": "ko", "ara": "ar", "pol": "pl", "tur": "tr", "swe": "sv", "dan": "da", "nor": "no",
    "fin": "fi", "ces": "cs", "cze": "cs", "ukr": "uk", "ell": "el", "gre": "el", "heb": "he",
}

#: Old or alternative two-letter codes mapped to the current ISO 639-1 code.
LANGUAGE_ALIASES: dict[str, str] = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv"}

# --------------------------------------------------------------------------- page structure

#: Elements that never hold article text.
SKIP_TAGS: frozenset[str] = frozenset({
    "script", "style", "template", "svg", "iframe", "object", "embed", "canvas", "head",
    "select", "button", "input", "textarea", "option", "math", "map", "audio", "video", "source",
    "track", "picture", "img", "link", "meta", "title", "base", "dialog", "datalist", "output",
})

#: Page furniture; dropped from the body unless it holds most of the page's paragraph text.
FURNITURE_TAGS: frozenset[str] = frozenset({"nav", "header", "footer", "aside", "form", "menu"})

#: ARIA roles of page furniture.
FURNITURE_ROLES: frozenset[str] = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
    "alertdialog", "toolbar", "tablist", "alert", "tooltip",
})

#: Class values that name a taxonomy term (``tag-steve-jobs``, ``category-news``): they describe the
#: topic, not the box, and are ignored when reading class tokens.
TAXONOMY_CLASS_PREFIXES: tuple[str, ...] = (
    "tag-", "tags-", "category-", "cat-", "tax-", "taxonomy-", "topic-", "section-", "keyword-",
    "post-tag-", "term-", "ressort-", "rubrik-",
)

#: Class/id tokens of reader comments: never the article, however much text they hold.
COMMENT_TOKENS: frozenset[str] = frozenset({
    "comment", "comments", "kommentare", "kommentar", "disqus", "commentlist", "respond", "reply",
    "replies", "discussion", "commentaires", "comentarios", "commenti",
})

#: Class/id tokens of boxes that are not the article, unless they hold most of the page's paragraph
#: text (then the token belongs to a page wrapper: ``modal-enabled``, ``off-canvas-advertisement``).
BOILERPLATE_STRONG: frozenset[str] = COMMENT_TOKENS | frozenset({
    "share", "sharing", "shares", "sharebar", "shariff", "social", "socials", "socialmedia",
    "related", "relatedposts", "recommend", "recommended", "recommendation", "recommendations",
    "newsletter", "newsletters", "comment", "comments", "kommentare", "kommentar", "disqus",
    "commentlist", "respond", "reply", "promo", "promotion", "advert", "advertisement",
    "advertising", "ad", "ads", "adslot", "adsense", "adunit", "anzeige", "werbung", "sponsored",
    "sponsor", "outbrain", "taboola", "plista", "cookie", "cookies", "consent", "gdpr", "subscribe",
    "subscription", "signup", "breadcrumb", "breadcrumbs", "popup", "modal", "overlay",
    "lightbox", "tags", "tagcloud", "taglist", "authorbio", "bio", "biography",
    "mostread", "mostpopular", "popular", "trending", "morestories",
    "readmore", "readnext", "upnext", "pagination", "pager", "pagenav", "prevnext", "rating",
    "ratings", "toolbar", "toolbox", "skip", "skiplink", "login", "logon",
    "masthead", "teaserlist", "outstream", "banner", "donate", "donation",
    "follow", "feedback", "survey", "poll", "jobs", "weather", "ticker", "livecounter", "sitemap",
    "latestnews", "morenews", "othernews", "recentposts", "latestposts", "moreposts", "readalso",
    "alsoread", "seealso", "recirc", "recirculation", "youmaylike", "mightlike",
})

#: Class/id tokens of boxes whose bylines, dates and headings belong to other articles or to readers.
OTHER_ARTICLE_TOKENS: frozenset[str] = COMMENT_TOKENS | frozenset({
    "related", "relatedposts", "recommend", "recommended", "recommendation", "recommendations",
    "popular", "mostread", "mostpopular", "trending", "teaserlist", "morestories", "readnext",
    "upnext", "social", "share", "sharing", "newsletter", "authorbio", "bio", "biography", "outbrain",
    "taboola", "plista",
})

#: Class/id tokens of boxes whose headings are not the page's headline (share and newsletter
#: classes are left out: themes set them as feature flags on the article header).
HEADING_BLOCKERS: frozenset[str] = OTHER_ARTICLE_TOKENS - frozenset({
    "social", "share", "sharing", "newsletter", "authorbio", "bio", "biography",
})

#: Class/id tokens of furniture; dropped unless the box holds most of the page's paragraph text
#: (themes put ``sidebar`` or ``nav`` classes on wrappers of the whole page).
BOILERPLATE_WEAK: frozenset[str] = frozenset({
    "sidebar", "side", "aside", "nav", "navbar", "navi", "navigation", "menu", "menubar",
    "footer", "foot", "header", "head", "topbar", "bottombar", "secondary", "rail", "rightcol",
    "leftcol", "links", "linklist", "meta", "postmeta", "entrymeta", "byline", "author",
    "dateline", "date", "timestamp", "published", "infobox", "teaser", "teasers", "more",
    "hidden", "offscreen", "extra", "extras", "addon", "supplementary", "categories", "category",
})

#: Class/id tokens that keep a box with a weak furniture token (``main-sidebar``, ``content-header``).
POSITIVE_TOKENS: frozenset[str] = frozenset({
    "content", "main", "article", "body", "post", "entry", "story", "text", "column", "artikel",
    "maincontent", "articlebody", "postbody", "entrycontent", "storybody",
})

#: Whole class values (not tokens) of text hidden from sighted readers.
HIDDEN_CLASSES: frozenset[str] = frozenset({
    "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader-only",
    "sr-text", "hide", "hidden", "invisible", "u-hidden", "is-hidden", "element-invisible", "offscreen",
})

#: A box marked with a weak class keeps its content when it holds at least this share of the page's
#: paragraph text (or, on pages with little ``<p>`` text, of all its text).
KEEP_SHARE = 0.5

#: Below this many characters of ``<p>`` text a page counts as built without paragraphs.
MIN_PARAGRAPH_CHARS = 500

#: Tags that end a paragraph of text.
BLOCK_TAGS: frozenset[str] = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "dl", "dt", "dd", "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "figure", "figcaption", "header", "footer", "aside", "nav", "address", "hr", "br", "center",
    "caption", "details", "summary", "fieldset", "legend", "form", "body", "html", "hgroup",
})

#: Block kinds whose text is a heading.
HEADING_TAGS: frozenset[str] = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

#: Squashed (lower-case, no ``-``/``_``) class or id fragments of the box holding the article text.
BODY_CLASS_HINTS: tuple[str, ...] = (
    "articlebody", "articlecontent", "articletext", "articletxt", "articlecopy", "articlemain",
    "storybody", "storycontent", "storytext", "entrycontent", "entrybody", "entrytext", "postcontent",
    "postbody", "posttext", "postentry", "blogpost", "bodytext", "contentbody", "maintext",
    "itemfulltext", "newstext", "newscontent", "newsbody", "textcontent", "richtext", "artikeltext",
    "artikelbody", "articletextcontainer", "singlecontent", "contenttext", "paywallcontent",
    "articlecolumn", "fulltext", "thecontent", "articleparagraph", "storyparagraph",
)

#: ``itemprop`` values of the box holding the article text.
BODY_ITEMPROPS: tuple[str, ...] = ("articlebody", "reviewbody")

#: ``itemprop`` values of long text boxes, recorded without reading their text.
LONG_ITEMPROPS: frozenset[str] = frozenset({"articlebody", "reviewbody", "text", "description"})

#: Class/id tokens of elements that hold a photo caption or credit.
CAPTION_TOKENS: frozenset[str] = frozenset({
    "caption", "captions", "figcaption", "imagecaption", "photocaption", "credit", "credits",
    "bildunterschrift", "legende", "legend", "copyright", "photographer", "imagecredit",
})

#: Class/id tokens of a kicker (the small label line set inside or above a headline).
KICKER_TOKENS: frozenset[str] = frozenset({
    "kicker", "dachzeile", "overline", "topline", "supertitle", "suptitle", "superheadline",
    "roofline", "eyebrow", "spitzmarke", "headlinekicker", "titlekicker", "overhead", "flag",
})

#: A title candidate longer than this (characters) is page text, not a headline.
MAX_HEADLINE_CHARS = 600

#: Headings read (in document order) when matching the visible headline with the metadata titles.
MAX_HEADINGS = 8

#: Class/id/rel/itemprop tokens of the element that holds the byline.
BYLINE_TOKENS: frozenset[str] = frozenset({
    "author", "authors", "byline", "bylines", "autor", "autoren", "auteur", "autore", "verfasser",
    "writer", "creator", "contributor", "authorname", "bylinename", "byauthor",
})

#: Class/id tokens of the element that holds the publication date.
DATE_TOKENS: frozenset[str] = frozenset({
    "date", "datetime", "published", "publishdate", "pubdate", "publication", "dateline", "time",
    "timestamp", "datum", "entrydate", "postdate", "postedon", "posted", "fecha", "meta",
    "postmeta", "entrymeta", "articledate", "storydate",
})

#: Longest text (characters) of a byline element worth reading as a byline.
BYLINE_MAX_CHARS = 120

#: Blocks after the headline searched for a written date when the page has no date metadata.
DATE_SCAN_BLOCKS = 15

#: How many elements below / above the headline's heading a date element may sit.
DATE_NEAR_AFTER = 400
DATE_NEAR_BEFORE = 30
TIME_NEAR_BEFORE = 100

#: Class/id tokens around a ``<time>`` that mark it as the publication or the update time.
PUBLISHED_TOKENS: frozenset[str] = frozenset({
    "published", "publish", "pubdate", "publishdate", "datepublished", "entrydate", "postdate",
    "publishedat", "publicationdate", "veroeffentlicht", "erschienen",
})
UPDATED_TOKENS: frozenset[str] = frozenset({
    "updated", "modified", "update", "aktualisiert", "lastmodified", "dateupdated", "datemodified",
    "lastupdated", "updatedat",
})

#: A line this short that holds a date is read as a date line (preferred over dates in running text).
DATE_LINE_MAX_CHARS = 60

#: Longest block (characters) searched for a written date.
DATE_SCAN_MAX_CHARS = 400

#: Longest text (characters) of a date element worth reading as a date.
DATE_MAX_CHARS = 120

#: Lines of the article box at most this long are checked for being only a date or a byline.
META_LINE_MAX_CHARS = 120

#: A block whose share of characters inside links is above this is navigation, not text.
MAX_LINK_DENSITY = 0.5

#: A container with less article text than this (characters) is not an article body.
MIN_BODY_CHARS = 200

#: Paragraph blocks shorter than this (characters) do not vote for their container.
MIN_VOTING_CHARS = 25

#: Nesting depth past which an element's text is read flat instead of walked.
MAX_WALK_DEPTH = 300

# --------------------------------------------------------------------------- patterns
# Regular-expression sources, compiled once by the code. Each runs in linear time: every
# repetition is bounded or its iterations cannot overlap.

#: Blank space, comments and an XML declaration before a page's first tag (matched with DOTALL).
LEADING_JUNK_PATTERN = r"\A(?:\s|<!--.{0,2000}?-->|<\?xml[^>]{0,300}\?>)*"

#: The first tag of a file and its element name.
OPENING_TAG_PATTERN = r"<([a-z][a-z0-9]{0,15})[\s/>]"

#: Any start or end tag (for tag density).
TAG_PATTERN = r"</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,400})?/?>"

#: A date in a URL path: ``/2021/07/30/`` or ``/2021-07-30-``.
URL_DATE_PATTERN = r"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|-|\.|$)"

#: A compact date in a URL path: ``/20210730/``.
URL_COMPACT_DATE_PATTERN = r"/((?:19|20)\d{2})(0[1-9]|1[0-2])([0-2]\d|3[01])(?:/|-|_|\.|$)"

#: A compact date (and time) in a meta tag: ``20220506``, ``20220506T093000``.
META_COMPACT_DATE_PATTERN = r"^((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:T?([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?$"

#: A language tag: ``de``, ``de-DE``, ``zh-Hant-TW``, ``en_US``.
LANGUAGE_TAG_PATTERN = r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$"

#: A user or pen name on its own: one to four words of letters, digits and name punctuation.
BARE_NAME_PATTERN = r"^(?=[^\d]*[^\W\d_])[\w.'’-]{2,30}(?: [\w.'’-]{1,30}){0,3}$"

#: An inline style that hides an element.
HIDDEN_STYLE_PATTERN = r"display\s*:\s*none|visibility\s*:\s*hidden"

#: The end of a sentence-like paragraph.
SENTENCE_END_PATTERN = r"[.!?:\"”»)]$"

#: The point between a lower-case letter or digit and a capital (``article|Body``), to split class names.
CAMEL_CASE_PATTERN = r"(?<=[a-z0-9])(?=[A-Z])"

#: A comma before a closing bracket: the trailing comma JSON does not allow.
TRAILING_COMMA_PATTERN = r",(\s*[}\]])"

#: Comment and CDATA wrappers that pages put around JSON-LD.
JSONLD_WRAPPER_PATTERN = (
    r"<!--|-->|//\s*<!\[CDATA\[|//\s*\]\]>|/\*\s*<!\[CDATA\[\s*\*/|/\*\s*\]\]>\s*\*/|<!\[CDATA\[|\]\]>"
)

#: Fields picked out of JSON-LD too broken to parse.
JSONLD_SALVAGE_PATTERNS: dict[str, str] = {
    "@type": r'"@type"\s*:\s*"([^"\\]{1,60})"',
    "headline": r'"headline"\s*:\s*"((?:[^"\\]|\\.){1,600})"',
    "datePublished": r'"datePublished"\s*:\s*"([^"\\]{1,80})"',
    "dateModified": r'"dateModified"\s*:\s*"([^"\\]{1,80})"',
}

#: An author's name out of broken JSON-LD.
JSONLD_SALVAGE_AUTHOR_PATTERN = (
    r'"author"\s*:\s*[\[{]?\s*\{?[^{}\[\]"]{0,80}(?:"@type"\s*:\s*"Person"\s*,\s*)?"name"\s*:\s*"([^"\\]{1,120})"'
)
