"""E-mail newsletters: header names, subject prefixes, forward banners, footers, sender kinds.

Data only; :mod:`newsclip.dialects.email` compiles the pattern sources.
"""

#: Header names that only e-mail carries (case-insensitive); one of them makes a header block certain.
STRONG_HEADERS: frozenset[str] = frozenset(
    {
        "message-id",
        "mime-version",
        "content-type",
        "content-transfer-encoding",
        "received",
        "return-path",
        "delivered-to",
        "reply-to",
        "in-reply-to",
        "references",
        "list-unsubscribe",
        "list-id",
        "dkim-signature",
        "x-mailer",
        "archived-at",
    }
)

#: Header names of a pasted message (Outlook writes ``Sent:`` for ``Date:``).
PASTED_HEADERS: frozenset[str] = frozenset({"from", "to", "cc", "bcc", "date", "sent", "subject"})

#: One header line (``Name: value``); group 1 the name. Continuation lines start with white space.
HEADER_LINE = r"^([A-Za-z][A-Za-z0-9\-]{0,60}):[ \t]*(.*)$"

#: An mbox separator line: ``From sender@example.com Tue Feb  4 06:00:00 2025``.
MBOX_FROM = r"^From \S{1,300} [^\n]{0,200}\d{4}[ \t]{0,10}$"

#: Header lines looked at from the top when sniffing.
SNIFF_MAX_LINES = 60
SNIFF_CERTAIN = 0.95
SNIFF_LIKELY = 0.85
SNIFF_PASTED = 0.75

#: Headers for each field, best first.
DATE_HEADERS: tuple[str, ...] = ("Date", "Sent")
URL_HEADERS: tuple[str, ...] = ("Archived-At",)
LANGUAGE_HEADERS: tuple[str, ...] = ("Content-Language",)
SUBJECT_HEADERS: tuple[str, ...] = ("Subject",)
FROM_HEADERS: tuple[str, ...] = ("From",)
#: Every header the record reads (decoded once per message).
USED_HEADERS: tuple[str, ...] = SUBJECT_HEADERS + FROM_HEADERS + DATE_HEADERS + URL_HEADERS + LANGUAGE_HEADERS
#: Longer header values are kept as written instead of decoded.
MAX_DECODED_HEADER = 4000

#: Subject prefixes added by replying and forwarding, in several languages; removed repeatedly.
SUBJECT_PREFIXES: tuple[str, ...] = (
    "fwd", "fw", "re", "aw", "wg", "tr", "sv", "vs", "vb", "antw", "rif", "r", "i", "enc", "rv",
    "réf", "ref", "ynt", "odp", "pd", "res",
)
#: A run of prefixes with their colons (``Fwd:``, ``RE[2]:``, ``[EXT] Fwd:``); ``PREFIXES`` stands for
#: the alternation of :data:`SUBJECT_PREFIXES`.
SUBJECT_PREFIX = r"^\s*(?:(?:\[[^\[\]\n]{1,40}\][ \t]{0,5})?(?:PREFIXES)[ \t]{0,3}(?:\[\d{1,3}\]|\(\d{1,3}\))?[ \t]{0,3}[:：]\s*)+"

#: Lines that open a forwarded message; the header block under them names the article.
FORWARD_BANNERS: tuple[str, ...] = (
    r"-{2,}\s*Forwarded message\s*-{2,}",
    r"-{2,}\s*Original Message\s*-{2,}",
    r"Begin forwarded message\s*:",
    r"-{2,}\s*Weitergeleitete Nachricht\s*-{2,}",
    r"-{2,}\s*Ursprüngliche Nachricht\s*-{2,}",
    r"-{2,}\s*Message transféré\s*-{2,}",
    r"-{2,}\s*Message d'origine\s*-{2,}",
    r"-{2,}\s*Mensaje reenviado\s*-{2,}",
    r"-{2,}\s*Messaggio inoltrato\s*-{2,}",
    r"-{2,}\s*Mensagem encaminhada\s*-{2,}",
    r"-{2,}\s*Doorgestuurd bericht\s*-{2,}",
    r"_{10,}",
)

#: Labels of the header block under a forward banner, per language -> field.
FORWARD_LABELS: dict[str, str] = {
    "from": "from", "von": "from", "de": "from", "da": "from", "van": "from", "od": "from",
    "date": "date", "sent": "date", "datum": "date", "gesendet": "date", "envoyé": "date",
    "fecha": "date", "data": "date", "enviado": "date", "verzonden": "date", "inviato": "date",
    "subject": "subject", "betreff": "subject", "objet": "subject", "asunto": "subject",
    "oggetto": "subject", "assunto": "subject", "onderwerp": "subject", "temat": "subject",
    "to": "to", "an": "to", "à": "to", "a": "to", "para": "to", "aan": "to", "cc": "to",
    "reply-to": "to", "antwort an": "to", "répondre à": "to",
}

#: One line of that header block: ``Label: value`` (French puts a space before the colon).
FORWARD_LABEL_LINE = r"^[ \t>]{0,6}\*{0,2}([^\W\d][\w\- ]{0,20}?)\*{0,2}[ \t]?:[ \t]*(.*)$"

#: A reply's attribution line: ``On Tue, Feb 4, 2025 at 9:00 AM Jane <j@x> wrote:`` (dropped;
#: matched against the stripped line).
REPLY_ATTRIBUTION = r"^(?:On|Am|Le|El|Il|Em|Op)\s[^\n]{5,300}(?:wrote|schrieb|a écrit|escribió|ha scritto|escreveu|schreef)\s?:$"

#: Signature separator: ``-- `` (dash dash space); ``--`` alone counts only near the end.
SIGNATURE = "-- "
BARE_SIGNATURE = "--"
BARE_SIGNATURE_MAX_TAIL = 12

#: Lines sent by mobile mail apps (matched against the stripped line).
SENT_FROM = (
    r"^(?:Sent from my [\w .'-]{1,40}|Sent from (?:Mail|Outlook|Yahoo Mail|Gmail) for [\w .-]{1,40}"
    r"|Get Outlook for [\w .-]{1,40}|Von meinem [\w .-]{1,40} gesendet|Envoyé de mon [\w .-]{1,40}"
    r"|Enviado desde mi [\w .-]{1,40}|Inviato da(?:l mio)? [\w .-]{1,40})$"
)

#: Newsletter chrome: a line equal to one of these (case-folded, trailing punctuation
#: and link targets removed) is dropped wherever it appears.
CHROME_LINES: frozenset[str] = frozenset(
    {
        "view this email in your browser",
        "view this email in a browser",
        "view email in browser",
        "view in browser",
        "view online",
        "view it online",
        "view this email online",
        "view as a web page",
        "view as webpage",
        "view web version",
        "read online",
        "read in browser",
        "read in your browser",
        "open in browser",
        "having trouble viewing this email?",
        "having trouble viewing this email? view it in your browser",
        "email not displaying correctly? view it in your browser",
        "unsubscribe",
        "unsubscribe here",
        "unsubscribe from this list",
        "update your preferences",
        "update preferences",
        "update subscription preferences",
        "manage subscription",
        "manage your subscription",
        "manage subscriptions",
        "manage preferences",
        "manage your preferences",
        "email preferences",
        "forward to a friend",
        "forward this email",
        "share this email",
        "add us to your address book",
        "privacy policy",
        "was this email forwarded to you? sign up here",
        "was this forwarded to you? sign up here",
        "subscribe",
        "sign up",
        "advertisement",
        "sponsored",
    }
)

#: Separators that join several chrome items on one line (``Unsubscribe | Preferences``).
CHROME_SEPARATORS = r"\s*[|•·]\s*"

#: A chrome line may carry its link: ``View in browser (https://…)`` or ``<https://…>``.
TRAILING_LINK = r"\s*[:(<\[]?\s*https?://[^\s<>()\[\]]{1,2000}[)>\]]?\s*$"

#: Lines that start the footer of a newsletter; from the first one in the last
#: :data:`FOOTER_SHARE` of the body, everything is dropped.
FOOTER_STARTS: tuple[str, ...] = (
    r"You (?:are receiving|received|are getting|got) this (?:e-?mail|newsletter|message)",
    r"You'?re receiving this",
    r"This (?:e-?mail|newsletter|message) was sent to",
    r"Our mailing address is",
    r"Want to change how you receive these emails",
    r"To unsubscribe",
    r"Copyright ©",
    r"© \d{4}",
    r"If you no longer wish to receive",
    r"No longer want to receive these",
)
FOOTER_SHARE = 0.5

#: Links whose text says "the web version of this e-mail"; the target becomes ``url``
#: when nothing better is known (the web version of the issue is the article's page).
VIEW_ONLINE_TEXT = (
    r"\b(?:view (?:this )?(?:e-?mail |it |issue |newsletter )?(?:in (?:your |a )?browser|online|as a web ?page)"
    r"|view web version|read (?:it )?online|read in (?:your )?browser|open in browser|web version)\b"
)
#: A text line holding such a phrase and a URL: group 1 the URL.
VIEW_ONLINE_URL = r"(https?://[^\s<>()\[\]\"']{1,2000})"

#: Lines made of a bare URL, or a URL in angle brackets (link targets of text parts), are dropped.
BARE_URL_LINE = r"^\s*[<(\[]?https?://[^\s<>()\[\]]{1,2000}[>)\]]?\s*$"
#: Inline link targets ``text (https://…)`` / ``text <https://…>`` removed from running text.
INLINE_URL = r"\s?[<(\[]https?://[^\s<>()\[\]]{1,2000}[>)\]]"

#: Senders: display-name words that mark an organisation or a newsletter, not a person.
ORGANISATION_WORDS: frozenset[str] = frozenset(
    {
        "the", "newsletter", "newsletters", "news", "brief", "briefing", "daily", "weekly", "monthly",
        "digest", "team", "editors", "editorial", "desk", "staff", "times", "post", "journal", "tribune",
        "herald", "gazette", "magazine", "media", "press", "report", "review", "bulletin", "update",
        "updates", "insider", "club", "inc", "inc.", "ltd", "llc", "gmbh", "group", "foundation",
        "institute", "university", "council", "office", "service", "services", "alerts", "alert",
        "notifications", "support", "info", "community", "podcast", "radio", "tv", "network", "today",
        "morning", "evening", "edition", "dispatch", "letter", "roundup", "wire", "observer", "chronicle",
        "courier", "telegraph", "guardian", "standard", "mail", "express", "weekend",
    }
)
#: A display name of 2 to 4 capitalised words (particles allowed) reads as a person.
PERSON_NAME = (
    r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]{0,30}\s+)(?:(?:[A-ZÀ-ÖØ-Þ][\w'’.\-]{0,30}|van|von|de|da|del|der|den|di|du|la|le|bin|al)\s+){0,2}"
    r"[A-ZÀ-ÖØ-Þ][\w'’\-]{0,30}$"
)
#: ``Doe, Jane`` (corporate directories): group 1 last name, group 2 first names.
LAST_COMMA_FIRST = r"^([A-ZÀ-ÖØ-Þ][\w'’\-]{1,30}),\s+([A-ZÀ-ÖØ-Þ][\w'’\-]{0,30}(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.\-]{0,30})?)$"
#: ``Jane Doe from The Daily Brief`` / ``Jane Doe at Example`` / ``Jane Doe | Example`` /
#: ``Jane Doe via Substack``: group 1 the person part.
PERSON_AT_ORG = r"^(.{3,80}?)\s+(?:from|at|of|via|\||-|–|—)\s+\S.{0,80}$"

#: Longest line the line-shape patterns (banners, attributions, app lines) are tried on.
SHAPE_MAX_CHARS = 400

#: HTML elements that end a line when an HTML part is read as text lines.
HTML_BLOCK_TAGS: tuple[str, ...] = (
    "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "section", "article",
)

#: Parts: a text/plain part with fewer words than this loses to an HTML part.
MIN_PLAIN_WORDS = 25
