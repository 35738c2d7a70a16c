"""Front matter: fences, the key table, and the file-name date of static-site posts.

Data only; :mod:`newsclip.dialects.frontmatter` uses it. Keys are compared
after :data:`KEY_NOISE` characters are removed and the key is case-folded, so
``pubDate``, ``publish_date`` and ``Publish-Date`` are one key.
"""

#: Characters ignored in keys before lookup.
KEY_NOISE = r"[\s_\-.]+"

#: Fences: opening line, the closing lines it accepts, and the block's syntax.
YAML_FENCE = "---"
YAML_CLOSERS: tuple[str, ...] = ("---", "...")
TOML_FENCE = "+++"
TOML_CLOSERS: tuple[str, ...] = ("+++",)

#: Longest front-matter block looked at, in lines.
MAX_BLOCK_LINES = 400

#: Normalised key -> record field. Order inside each group is priority: the
#: first key present with a usable value wins.
KEY_FIELDS: dict[str, str] = {
    # headline
    "title": "headline",
    "headline": "headline",
    # people
    "author": "authors",
    "authors": "authors",
    "byline": "authors",
    "creator": "authors",
    "creators": "authors",
    "writer": "authors",
    "by": "authors",
    # publication date
    "date": "date",
    "published": "date",
    "publishdate": "date",
    "publisheddate": "date",
    "pubdate": "date",
    "datepublished": "date",
    "publishedat": "date",
    "publishedtime": "date",
    "publicationdate": "date",
    "articlepublishedtime": "date",
    # last update
    "updated": "updated",
    "modified": "updated",
    "modifiedtime": "updated",
    "lastmod": "updated",
    "lastmodified": "updated",
    "lastmodifiedat": "updated",
    "datemodified": "updated",
    "updatedat": "updated",
    "articlemodifiedtime": "updated",
    # capture time: never the publication date
    "created": "captured",
    "createdat": "captured",
    "clipped": "captured",
    "dateclipped": "captured",
    "saved": "captured",
    "savedat": "captured",
    "captured": "captured",
    "capturedat": "captured",
    "scraped": "captured",
    "scrapedat": "captured",
    "accessed": "captured",
    "retrieved": "captured",
    # source URL (a publisher name under "source" is not a URL)
    "url": "url",
    "canonical": "url",
    "canonicalurl": "url",
    "originalurl": "url",
    "sourceurl": "url",
    "source": "url",
    "link": "url",
    "permalink": "url",
    "ogurl": "url",
    # dek
    "description": "subheadline",
    "summary": "subheadline",
    "excerpt": "subheadline",
    "subtitle": "subheadline",
    "subheadline": "subheadline",
    "dek": "subheadline",
    "standfirst": "subheadline",
    # language
    "lang": "language",
    "language": "language",
    "locale": "language",
    "inlanguage": "language",
    # publisher
    "sitename": "site-name",
    "site": "site-name",
    "hostname": "site-name",
    "publisher": "site-name",
    "publication": "site-name",
    # body text inside the metadata (JSON records with nothing after them)
    "content": "body",
    "body": "body",
    "text": "body",
    "articlebody": "body",
}

#: Keys whose value, when it is a name and not a URL, may credit a wire service.
AGENCY_KEYS: frozenset[str] = frozenset({"source"})

#: Keys of a mapping inside an author list: ``{name: Jane Doe}``.
PERSON_NAME_KEYS: tuple[str, ...] = ("name", "displayname", "title")

#: A language tag: ``en``, ``en-GB``, ``pt_BR``, ``zh-Hant-TW``; group 1 is the language.
LANGUAGE_TAG = r"^([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8}){0,3}$"

#: A static-site post name: ``2024-11-03-slug.md``; groups year, month, day.
FILENAME_DATE = r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[-_T]|\.\w{1,10}$)"

#: Warning when the only date-like key is a capture time.
CAPTURED_WARNING = "front matter {key!r} is the capture time, not the publication date; not used"

#: Sniffing: a ``key: value`` / ``key = value`` / ``"key":`` line, and the scores.
SNIFF_YAML_KEY = r"(?m)^[A-Za-z_][\w\-]{0,60}:(?:[ \t]|$)"
SNIFF_TOML_KEY = r"(?m)^[A-Za-z_][\w\-]{0,60}[ \t]*=[ \t]*\S"
SNIFF_JSON_KEY = r"\"([A-Za-z_][\w\-]{0,60})\"[ \t]*:"
SNIFF_STRONG = 0.9
SNIFF_WEAK = 0.5
SNIFF_JSON = 0.85

#: Tiny TOML fallback (Python 3.10): ``key = "value"``, ``key = 'value'``, ``key = [..]``,
#: bare numbers, booleans and dates, and ``[table]`` headers.
TOML_PAIR = r"^[ \t]*([A-Za-z0-9_\-]{1,80}|\"[^\"\n]{1,80}\")[ \t]*=[ \t]*(.*)$"
TOML_TABLE = r"^[ \t]*\[{1,2}[ \t]*([^\[\]\n]{1,100}?)[ \t]*\]{1,2}[ \t]*$"
#: A bare TOML date or date-time (``2025-01-15``, ``2025-01-15T08:30:00+01:00``, ``08:30:00``).
TOML_BARE_DATE = r"^(?:\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:[Zz]|[+-]\d{2}:\d{2})?|\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)$"
TOML_STRING = r"\"(?P<basic>(?:[^\"\\\n]|\\.){0,5000})\"|'(?P<literal>[^'\n]{0,5000})'"
#: One ``key = "value"`` pair of an inline table ``{ name = "Jane Doe", url = "…" }``; group 1 the key.
TOML_INLINE_PAIR = r"([A-Za-z0-9_\-]{1,80})[ \t]*=[ \t]*(?:" + TOML_STRING + r")"

#: Headings of a Markdown body that open with the title again are dropped; first
#: lines looked at for a headline when the metadata has none.
HEADING_SCAN_LINES = 8

#: A top-level key line inside a front-matter block (for line numbers); group 1 the key.
KEY_LINE = r"^[ \t]{0,4}[\"']?([A-Za-z_][\w\-.]{0,60})[\"']?[ \t]*[:=]"

#: A value that is a URL (anything else under a URL key is a name).
URL_VALUE = r"^(?:https?://|www\.)\S{1,2000}$"

#: An Obsidian-style wiki link ``[[Page]]`` or ``[[Page|Shown]]``; group 1 the page name.
WIKI_LINK = r"\[\[([^\[\]|\n]{1,200})(?:\|[^\[\]\n]{0,200})?\]\]"

#: HTML block ends that become paragraph breaks when a JSON body is HTML.
HTML_BREAK = r"</(?:p|div|h[1-6]|li|blockquote)\s*>|<br\s*/?>"

#: Plain ``key: value`` lines read when the YAML parser refuses a block; group 1 key, 2 value.
YAML_FALLBACK_PAIR = r"^([A-Za-z_][\w\-.]{0,60})[ \t]*:(?:[ \t]+(.*))?$"
#: A list item under a key in that fallback; group 1 the item.
YAML_FALLBACK_ITEM = r"^[ \t]+-[ \t]+(.*)$"
