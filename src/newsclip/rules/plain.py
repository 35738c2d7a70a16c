"""Header labels, navigation marks and end-of-article markers of plain-text article dumps."""

#: ``Label: value`` header lines -> the record field they fill (labels compared casefolded).
#: ``captured`` values are capture/clip times: never the publication date. ``ignore`` lines are
#: header furniture removed from the body.
HEADER_LABELS: dict[str, str] = {
    **dict.fromkeys(("title", "headline", "head", "titel", "titre", "título", "titolo"), "headline"),
    **dict.fromkeys(("subtitle", "subheadline", "subhead", "dek", "standfirst", "description", "summary",
                     "teaser", "lead", "excerpt"), "subheadline"),
    **dict.fromkeys(("author", "authors", "author(s)", "by", "byline", "writer", "written by", "reporter",
                     "autor", "auteur", "autore", "автор", "credit"), "byline"),
    **dict.fromkeys(("date", "published", "publication date", "published on", "published at", "posted",
                     "posted on", "posted at", "pubdate", "date published", "publish date", "datum",
                     "fecha", "data", "дата", "time", "published time", "publishedat", "published_at",
                     "date_published", "publication_date", "pub_date"), "date"),
    **dict.fromkeys(("updated", "last updated", "modified", "last modified", "date modified",
                     "updated on", "updated at", "updatedat", "updated_at", "date_modified"), "updated"),
    **dict.fromkeys(("url", "link", "source url", "original url", "original link", "permalink",
                     "canonical", "canonical url", "article url", "web url", "web link", "address",
                     "url source", "quelle"), "url"),
    "source": "source",
    **dict.fromkeys(("language", "lang", "sprache", "langue", "idioma", "lingua"), "language"),
    **dict.fromkeys(("scraped at", "scraped", "captured", "captured at", "collected at", "collected",
                     "retrieved", "retrieved at", "retrieved on", "accessed", "accessed on", "crawled",
                     "crawled at", "downloaded", "downloaded at", "clipped", "saved", "saved at",
                     "load-date", "fetched", "fetched at"), "captured"),
    "dateline": "dateline",
    **dict.fromkeys(("section", "category", "categories", "tags", "keywords", "topic", "topics",
                     "word count", "words", "length", "id", "publisher", "site", "site name",
                     "sitename", "hostname", "outlet", "publication", "newspaper", "rubrik"), "ignore"),
}


#: Lines that close the article in a page dump: what follows is comments, related lists, footers.
END_MARKERS: tuple[str, ...] = (
    "comments", "leave a comment", "leave a reply", "post a comment", "add a comment", "responses",
    "related articles", "related posts", "related stories", "related", "more stories", "more from",
    "you may also like", "you might also like", "recommended", "recommended for you", "read next",
    "most read", "most popular", "trending", "share this:", "share this", "like this:", "tags:",
    "about the author", "newsletter", "sign up for our newsletter", "kommentare", "ähnliche beiträge",
    "das könnte sie auch interessieren", "weitere artikel", "commentaires", "à lire aussi",
    "comentarios", "artículos relacionados", "commenti", "articoli correlati", "reacties",
    "комментарии", "share on facebook", "footer", "previous post", "next post", "post navigation",
    "beitragsnavigation", "navigation",
)

#: Line starts of navigation and form furniture in text-browser dumps (lynx, w3m, html2text).
NAV_PREFIXES: tuple[str, ...] = (
    "* ", "+ ", "• ", "□ ", "◦ ", "▪ ", "○ ", "- [", "[", "(BUTTON)", "IFRAME:", "[INLINE]", "[IMG]", "____", "#alternate",
    "Search for:", "Search", "Menu", "Skip to", "Zum Inhalt", "|", "→", "»", "›",
)

#: A Markdown header separator line.
SEPARATORS: tuple[str, ...] = ("---", "***", "___", "* * *", "===")

#: Lines near a headline that are page furniture: reading times, comment counts, share prompts.
#: Both lists are matched against the line in lower case: those in ``NOT_HEADLINE_STARTS``
#: at its start, those in ``NOT_HEADLINE_ANYWHERE`` anywhere in it.
NOT_HEADLINE_STARTS: tuple[str, ...] = (
    r"(?:lesezeit|reading time|temps de lecture|tiempo de lectura|tempo di lettura)\b",
    r"(?:share|teilen|partager|compartir|condividi)\b",
    r"(?:home|startseite|accueil|inicio)\b",
    r"(?:suche|search|recherche|buscar|cerca)\b",
    r"[»«›‹]",
    r"(?:mehr zum thema|more on|more from|zum vergrößern|nach oben)\b",
    r"(?:become a member|rent this article|buy article|subscribe to|abonnieren|jetzt abonnieren)\b",
    r"(?:terms of use|learn more|kommentar verfassen)\b",
    r"(?:foto|photo|bild|image)\s\d+\s(?:de|of|von|sur|di)\s\d+",
)
#: What every ``NOT_HEADLINE_ANYWHERE`` pattern needs besides a digit: one of these characters or words.
NOT_HEADLINE_HINT_CHARS: str = "(_[←→❯❮▶◀≈»«›‹"
NOT_HEADLINE_HINT_WORDS: tuple[str, ...] = (
    "logo", "javascript", "cookie", "schließen", "close menu", "menü", "link wurde kopiert", "link copied",
    "per e-mail folgen", "follow by email",
)
NOT_HEADLINE_ANYWHERE: tuple[str, ...] = (
    r"\d+\s*(?:min(?:ute)?s?|minuten|minutos|minuti|мин\w*)\b",
    r"\b\d+ (?:comments?|kommentare?|commentaires?|comentarios?|commenti)\b",
    r"\((?:foto|photo|bild|image|credit|fotos|photos)\b",
    r"\(button\)|_{3,}",
    r"[←→❯❮▶◀≈]|[»«›‹]$",
    r"\blogo\b|javascript|\bcookies?\b",
    r"\[ *\]|\b(?:schließen|close menu|menü|hauptmenü)\b",
    r"\b(?:link wurde kopiert|link copied|per e-mail folgen|follow by email|choose from \d+ languages)\b",
)

#: URL path segments of author pages: a link into one of them carries the author's name.
AUTHOR_PATH_SEGMENTS: tuple[str, ...] = (
    "author", "authors", "autor", "autoren", "autorin", "auteur", "auteurs", "autore", "autori",
    "autores", "profile", "profil", "people", "journalist", "journalists", "redakteur", "columnist",
    "contributor", "contributors", "staff", "byline",
)

#: Share-button links that carry the page's own address: (URL fragment that marks the
#: share service, query parameter holding the page URL). WordPress's own "?share=" links
#: point at the page itself.
SHARE_LINKS: tuple[tuple[str, str], ...] = (
    ("facebook.com/sharer", "u"),
    ("twitter.com/intent/tweet", "url"),
    ("twitter.com/share", "url"),
    ("x.com/intent/tweet", "url"),
    ("linkedin.com/shareArticle", "url"),
    ("linkedin.com/sharing/share-offsite", "url"),
    ("reddit.com/submit", "url"),
    ("pinterest.com/pin/create", "url"),
    ("api.whatsapp.com/send", "text"),
    ("t.me/share", "url"),
    ("xing.com/spi/shares/new", "url"),
)
WORDPRESS_SHARE_PARAM = "share"
