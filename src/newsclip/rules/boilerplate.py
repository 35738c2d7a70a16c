"""Lines that are page furniture, not article text, and the shapes of captions and promos.

Matching is on the whole line, case-insensitive, after trimming spaces and
trailing punctuation. Order inside a tuple does not matter.
"""

#: Whole lines dropped from bodies (compared casefolded, trailing ":"/"." removed).
BOILERPLATE_LINES: frozenset[str] = frozenset(
    s.casefold()
    for s in (
        "Advertisement", "Advertising", "Ad", "Sponsored", "Sponsored content", "Supported by",
        "Paid content", "Anzeige", "Werbung", "Publicité", "Publicidad", "Pubblicità", "Реклама",
        "Share", "Share this", "Share this article", "Share this story", "Share on Facebook",
        "Share on Twitter", "Share on X", "Share on LinkedIn", "Share on WhatsApp", "Share via Email",
        "Tweet", "Email", "E-mail", "Save", "Save article", "Saved", "Print", "Print this page",
        "Comments", "Comment", "Show comments", "View comments", "Leave a comment", "Add comment",
        "Continue reading the main story", "Continue reading", "Read more", "Read More", "Show more",
        "Load more", "See more", "More", "Skip to content", "Skip to main content", "Skip navigation",
        "Jump to content", "Zum Inhalt springen", "Aller au contenu", "Ir al contenido",
        "Sign in", "Sign In", "Log in", "Login", "Log out", "Register", "Subscribe", "Subscribe now",
        "Menu", "Close", "Search", "Home", "Back to top", "Top", "Next", "Previous", "Next article",
        "Previous article", "Listen", "Listen to this article", "Play", "Watch", "Watch now",
        "Copy link", "Link copied", "Copied", "Facebook", "Twitter", "LinkedIn", "WhatsApp", "Pinterest",
        "Reddit", "Telegram", "Flipboard", "Instagram", "YouTube", "Gift this article", "Gift article",
        "Follow", "Follow us", "Follow Author", "Newsletter", "Newsletters", "Related", "Related articles",
        "Related stories", "Related content", "Recommended", "Recommended for you", "Most read",
        "Most popular", "Trending", "Trending now", "Top stories", "Latest news", "More stories",
        "Image", "Photo", "Video", "Gallery", "Open gallery", "Enlarge", "Enlarge this image",
        "Toggle caption", "Hide caption", "Show caption", "Expand", "Collapse", "Cookie settings",
        "Accept", "Accept all", "Reject all", "Manage preferences", "Teilen", "Drucken", "Kommentare",
        "Partager", "Imprimer", "Compartir", "Imprimir", "Condividi", "Stampa", "Delen", "Поделиться",
    )
)

#: Line prefixes (regex sources, matched at line start, case-insensitive) of lines dropped from bodies.
BOILERPLATE_PREFIXES: tuple[str, ...] = (
    r"sign up for\b",
    r"sign up to\b",
    r"subscribe to\b",
    r"recommended by\b",
    r"powered by\b",
    r"copyright\b",
    r"©",
    r"\(c\) ?\d{4}",
    r"all rights reserved",
    r"a version of this article appears in print on\b",
    r"this article (?:was|originally) (?:first )?(?:appeared|published)\b",
    r"click here\b",
    r"follow (?:us|him|her|them) on\b",
    r"get the latest\b",
    r"download (?:the|our) app\b",
    r"we use cookies\b",
    r"by (?:clicking|signing up|continuing|using this)\b",
    r"you (?:can )?(?:read|see) more\b",
    r"image \d+ of \d+\b",
    r"\d{1,3} of \d{1,3}$",
    r"originally published\b",
    r"story continues below\b",
    r"article continues below\b",
    r"continue reading below\b",
)

#: Promo lines: the label, then the promoted headline (kept in ``related``).
PROMO_LABELS: tuple[str, ...] = (
    "Related article", "Related articles", "Related story", "Related", "Read more", "Read also",
    "Also read", "See also", "More", "More on this story", "Read next", "Recommended", "Watch",
    "READ MORE", "Lesen Sie auch", "Mehr zum Thema", "Auch interessant", "Lire aussi",
    "À lire aussi", "A lire aussi", "Voir aussi", "Leer más", "Lea también", "Lee también",
    "Leia também", "Leia mais", "Leggi anche", "Lees ook", "Читайте также", "Читайте также",
)

#: Prefixes that mark a whole line as a photo caption or credit.
CAPTION_PREFIXES: tuple[str, ...] = (
    "Photo:", "Photo by", "Photos:", "Photograph:", "Photographs:", "Picture:", "Pictured:",
    "Image:", "Image credit:", "Images:", "Credit:", "Credits:", "Illustration:", "Caption:",
    "Foto:", "Fotos:", "Bild:", "Photo :", "Crédit photo", "Crédit :", "Фото:",
    "(Photo", "(Foto", "(Image", "(Credit",
)

#: Credit words that end a caption line after " / " or "/": "<description> <Name> / <AGENCY>".
CREDIT_WORDS: tuple[str, ...] = (
    "Getty Images", "Getty", "AFP", "AP", "Reuters", "TASS", "EPA", "EPA-EFE", "dpa", "picture alliance",
    "Shutterstock", "Alamy", "iStock", "Bloomberg", "Xinhua", "Sputnik", "RIA Novosti", "Anadolu",
    "NurPhoto", "SOPA Images", "ZUMA", "Imago", "Keystone", "Pool", "Handout", "Wikimedia Commons",
    "Unsplash", "Pexels", "courtesy", "Kremlin.ru", "Mos.ru", "Flickr",
)

#: End-of-body markers of truncated news-API bodies: "… [+2764 chars]".
TRUNCATION_MARKER = r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$"
