"""URL vocabulary: tracking parameters to drop, default ports, and the characters that
tell a URL fragment from the prose around it. Used by ``fields.urls``."""

#: Schemes an article URL may have; anything else (mailto:, javascript:, ftp:) is not one.
SCHEMES: tuple[str, ...] = ("http", "https")

#: Ports that are implied by the scheme and so dropped.
DEFAULT_PORTS: dict[str, int] = {"http": 80, "https": 443}

#: Query parameters that only track a click or a campaign (compared case-insensitively).
TRACKING_PARAMS: tuple[str, ...] = (
    "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
    "mc_cid", "mc_eid", "igshid", "igsh", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
    "ref_src", "ref_url", "cmpid", "cmp", "ocid", "icid", "ncid", "smid", "smtyp", "s_cid",
    "ito", "xtor", "ftag", "spm", "soc_src", "soc_trk", "wt.mc_id", "wt_mc_id",
    "oly_anon_id", "oly_enc_id", "rb_clickid", "vero_conv", "vero_id", "wickedid",
    "guccounter", "guce_referrer", "guce_referrer_sig", "__twitter_impression", "at_xt",
    "sr_share", "emc", "campaign_id", "trk", "trkcampaign", "sc_cid",
)

#: Query-parameter name prefixes that only track (``utm_source``, ``pk_campaign``...).
TRACKING_PARAM_PREFIXES: tuple[str, ...] = ("utm_", "pk_", "mtm_", "hsa_", "at_", "itm_")

#: Fragments that only track (``#xtor=RSS-8``, ``#Echobox=...``); other fragments are kept,
#: since they may point at a section or a live-blog entry.
TRACKING_FRAGMENT_PREFIXES: tuple[str, ...] = (
    "xtor=", "utm_", "echobox=", "at_medium=", "at_campaign=", "ref=", "src=", "spref=", ":~:text=",
)

#: Characters a URL may hold (RFC 3986 unreserved + reserved, plus percent); a piece of text
#: with any other character (double quotes, angle brackets, braces, backslash) is not part of it.
URL_CHARS: str = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "-._~:/?#@!$&'*+,;=%()[]"
)

#: A piece after a stray space continues the URL when it holds a slug hyphen, a path slash or a
#: query character, or glues letters to digits (``e-a87847``, ``a87847``) — plain words and bare
#: numbers ("and more text", "10 things") do not.
CONTINUATION_SIGNAL: str = r"[-/_=&?%#]|[0-9][A-Za-z]|[A-Za-z][0-9]"

#: A URL that stops with one of these characters is unfinished: the next piece continues it.
OPEN_ENDINGS: str = "/-_=&?%+~:"

#: A URL piece at least this long that reaches the end of its line was probably hard-wrapped.
WRAP_MIN_CHARS: int = 40

#: A wrapped URL runs on over at most this many further lines.
MAX_WRAP_LINES: int = 10

#: Invisible characters that break a URL when pasted (zero-width spaces, soft hyphens).
INVISIBLE_CHARS: str = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

#: Stray-space repair only looks this far: a URL broken more often than this is not repaired.
MAX_STRAY_PIECES: int = 12

#: Characters stripped from the end of a URL found in running text.
TRAILING_PUNCTUATION: str = ".,;:!?'\"*>"

#: Closing brackets stripped from the end unless the URL opened them itself.
BRACKET_PAIRS: dict[str, str] = {")": "(", "]": "[", "}": "{"}

#: Wrappers removed around a URL: <https://...>, "https://...", (https://...).
WRAPPERS: tuple[tuple[str, str], ...] = (("<", ">"), ('"', '"'), ("'", "'"), ("(", ")"), ("[", "]"),
                                         ("“", "”"), ("«", "»"))

#: Where a URL starts in running text.
URL_START: str = r"(?<![\w@/.-])(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)"

#: The body of a URL in running text: everything up to whitespace or a character that never
#: appears unescaped in a URL.
URL_BODY: str = r"[^\s<>\"`{}|\\^]+"

#: A line that starts with a label ("Date:", "Source:") begins a new field, not a URL continuation.
LABEL_LINE: str = r"^[A-Za-z][A-Za-z ]{0,30}:(?!//)"

#: A standalone date on the line after a URL is a new field, not a wrapped URL tail.
DATE_ONLY: str = r"^(?:\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.+Z-]*)?|\d{1,2}[./]\d{1,2}[./]\d{2,4})$"
