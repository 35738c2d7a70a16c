"""Headline vocabulary: values that mean "no headline", the separators before a site name,
outlet names to strip, and the words that show a tail is part of the headline, not a site."""

#: Field values that mean "nothing here" (compared casefolded and stripped). Shared by every
#: dialect that reads labelled or metadata values.
JUNK_VALUES: frozenset[str] = frozenset({
    "none", "null", "nil", "nan", "undefined", "unknown", "[]", "{}", "()", "''", '""',
    "n/a", "na", "n.a.", "-", "--", "—", "–", "?", "untitled", "untitled document",
    "no title", "(no title)", "(untitled)", "(no subject)", "no subject", "title", "headline",
})

#: Separators between a headline and a site or section name. Pipes need no spaces around
#: them; dashes and the rest do, so hyphenated words ("Covid-19") are never split.
PIPE_SEPARATORS: tuple[str, ...] = ("|", "｜", "¦")
SPACED_SEPARATORS: tuple[str, ...] = ("-", "–", "—", "::", "•", "·", "«", "»", "›", "‹", ">", "//", "/", "~")

#: Outlet names stripped as a suffix or prefix wherever they appear, besides the wire services
#: and outlets of ``rules.bylines.AGENCIES`` and the caller's own site names.
KNOWN_OUTLETS: tuple[str, ...] = (
    "YouTube", "Medium", "Substack", "Yahoo News", "Yahoo", "MSN", "HuffPost", "Politico", "Axios",
    "Forbes", "Wired", "The Verge", "Vox", "TechCrunch", "The Atlantic", "The Economist",
    "Financial Times", "FT", "The Times", "The Independent", "Daily Mail", "Mail Online",
    "The Telegraph", "The Wall Street Journal", "WSJ", "Los Angeles Times", "LA Times", "USA Today",
    "The Hill", "CNBC", "MSNBC", "Newsweek", "Time", "Business Insider", "Insider", "Vice",
    "BuzzFeed News", "Slate", "Salon", "ProPublica", "The Intercept", "Deutsche Welle", "DW",
    "Euronews", "France 24", "RFI", "Le Monde", "Le Figaro", "Libération", "Der Spiegel", "SPIEGEL",
    "Die Zeit", "ZEIT ONLINE", "FAZ", "Süddeutsche Zeitung", "tagesschau.de", "El País", "El Mundo",
    "Corriere della Sera", "la Repubblica", "Meduza", "Kommersant", "RBC", "Novaya Gazeta",
    "The Kyiv Independent", "Kyiv Post", "The Japan Times", "South China Morning Post", "SCMP",
    "The Hindu", "Times of India", "Haaretz", "The Times of Israel", "Arab News", "ABC", "NBC", "CBS",
    "Google News", "Apple News", "Wikipedia",
)

#: A tail after a dash that holds one of these words reads as part of the headline
#: ("Covid-19 - What We Know", "Storm - Live Updates"), not as a site name.
NOT_SITE_WORDS: frozenset[str] = frozenset({
    "what", "how", "why", "when", "who", "where", "which", "we", "you", "i", "our", "your", "my",
    "is", "are", "was", "were", "be", "will", "can", "could", "should", "would", "has", "have", "had",
    "not", "no", "says", "said", "say", "live", "latest", "updates", "update", "explained", "answers",
    "questions", "know", "need", "things", "watch", "video", "photos", "review", "interview",
    "part", "chapter", "episode", "day", "week", "year", "to", "in", "on", "at", "for", "with",
    "after", "before", "as", "from", "by", "about", "over", "into", "vs", "vs.", "v", "this", "that",
    "it", "its", "his", "her", "their", "a", "an",
})

#: Lowercase words allowed inside a Title-Case site name ("Times of India", "News & Observer").
NAME_CONNECTORS: frozenset[str] = frozenset({
    "of", "the", "and", "&", "de", "du", "des", "la", "le", "el", "di", "da", "der", "die", "das", "del",
    "y", "et", "und", "für", "on", "online",
})

#: Words written in lowercase inside an English Title-Case headline; any other lowercase word
#: shows the headline is in sentence case ("Storm hits coast", "Streik legt Hafen lahm").
TITLE_CASE_MINOR_WORDS: frozenset[str] = frozenset({
    "a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "vs", "vs.", "via", "per", "into", "over", "up",
})

#: A site name after a separator has at most this many words and characters.
MAX_SITE_WORDS: int = 5
MAX_SITE_CHARS: int = 40

#: A section name after a pipe ("World news") has at most this many words.
MAX_SECTION_WORDS: int = 3

#: The headline left after stripping an unknown Title-Case tail after a dash needs this many words.
MIN_HEAD_WORDS: int = 2

#: Second-level labels of country domains ("example.co.uk"): the site's name is the label before.
SECOND_LEVEL_LABELS: frozenset[str] = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or"})

#: Invisible characters removed from headlines (zero-width spaces, soft hyphens).
INVISIBLE_CHARS: str = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

#: Suffix / prefix stripping stops after this many site parts.
MAX_STRIPS: int = 3
