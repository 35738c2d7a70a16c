"""Reader-service output: header labels, error-page warnings, share bars and tail lists.

Data only; :mod:`newsclip.dialects.reader` compiles the pattern sources.
A reader service prints ``Title:``, ``URL Source:``, ``Published Time:`` and
``Warning:`` lines, then ``Markdown Content:`` and the page as Markdown.
"""

#: The line that separates the header from the Markdown body.
CONTENT_MARKER = "Markdown Content:"

#: Header labels (case-insensitive, without the colon) and the field each feeds.
HEADER_LABELS: dict[str, str] = {
    "title": "headline",
    "url source": "url",
    "published time": "date",
    "description": "subheadline",
    "warning": "warning",
    "number of pages": "ignore",
}

#: One header line: ``Label: value``; group 1 the label, group 2 the value.
HEADER_LINE = r"^([A-Za-z][A-Za-z ]{0,30}):[ \t]*(.*)$"

#: Lines from the top within which the content marker must appear.
HEADER_MAX_LINES = 40

#: Sniffing: the signature labels, each at the start of a line (the sniffer anchors them there).
SNIFF_TITLE = r"Title:[ \t]*\S"
SNIFF_URL_SOURCE = r"URL Source:[ \t]*\S"
SNIFF_MARKER = r"Markdown Content:[ \t]*$"
#: The labels of which a reader header holds at least one (a quick test before the patterns).
SNIFF_LABELS: tuple[str, ...] = ("URL Source:", "Markdown Content:")
SNIFF_FULL = 0.95
SNIFF_PARTIAL = 0.6

#: A ``Warning:`` value that means the page fetched was an error page.
ERROR_WARNING = (
    r"\b(?:[45]\d\d\b|returned error|error \d{3}|blocked|captcha|forbidden|access denied"
    r"|not found|too many requests|unavailable for legal reasons)"
)

#: Prefix of the warning recorded for every reader ``Warning:``.
WARNING_PREFIX = "reader warning: "

#: Page titles that name the error, not an article (compared case-insensitively,
#: before the site suffix is cut).
ERROR_TITLES: tuple[str, ...] = (
    "404",
    "404 not found",
    "403 forbidden",
    "not found",
    "page not found",
    "error",
    "access denied",
    "attention required!",
    "just a moment...",
    "are you a robot?",
    "are you a robot",
    "verify you are human",
    "too many requests",
    "service unavailable",
    "server error",
    "oops! page not found",
    "sorry, this page isn't available",
)

#: Body lines (after inline Markdown is removed) that are share bars or tool buttons.
SHARE_LINES: frozenset[str] = frozenset(
    {
        "share",
        "share this",
        "share this article",
        "share this story",
        "share article",
        "share on facebook",
        "share on twitter",
        "share on x",
        "share on linkedin",
        "share on whatsapp",
        "share via email",
        "share via e-mail",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "whatsapp",
        "telegram",
        "reddit",
        "pinterest",
        "email",
        "e-mail",
        "print",
        "copy link",
        "copy link to clipboard",
        "link copied",
        "tweet",
        "save",
        "save article",
        "gift article",
        "comments",
        "listen",
        "listen to this article",
        "follow",
        "flipboard",
    }
)

#: A link whose target is one of these is a share button, whatever its text.
SHARE_TARGETS: tuple[str, ...] = (
    "facebook.com/sharer",
    "facebook.com/share",
    "twitter.com/intent",
    "twitter.com/share",
    "x.com/intent",
    "linkedin.com/sharearticle",
    "linkedin.com/shareArticle",
    "api.whatsapp.com/send",
    "wa.me/?",
    "t.me/share",
    "reddit.com/submit",
    "pinterest.com/pin/create",
    "mailto:?",
)

#: A line made only of links (``[a](x) [b](y) | [c](z)``): each link, with separators between.
LINK_ONLY_LINE = r"^(?:[\s|•·/,]{0,10}\[[^\[\]\n]{0,200}\]\([^()\s]{0,2000}\)){1,30}[\s|•·/,]{0,10}$"
#: One link of such a line; group 1 the text, group 2 the target.
LINK_PARTS = r"\[([^\[\]\n]{0,200})\]\(([^()\s]{0,2000})\)"

#: Headings of the lists some reader services append after the page.
TAIL_HEADINGS: tuple[str, ...] = ("Images:", "Links/Buttons:", "Links:", "Buttons:")

#: Byline search: how many non-blank body lines from the top, and the score a
#: line without a ``By`` prefix needs from :func:`newsclip.fields.bylines.byline_score`.
BYLINE_SCAN_LINES = 6
BYLINE_MIN_SCORE = 0.6

#: A line opening with a byline word.
BYLINE_PREFIX = r"^(?:By|BY|by|Written by|Words by|Story by|Reporting by)\b[ \t:]*\S"

#: A byline candidate longer than this is a sentence, not a byline.
BYLINE_MAX_CHARS = 120

#: Date search in the body's first lines when the header has no ``Published Time:``.
DATE_SCAN_LINES = 6
DATE_LINE_MAX_CHARS = 80
