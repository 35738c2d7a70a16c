"""Byline vocabulary: the words that open a byline in each language, field labels, the roles
and honorifics dropped from names, wire services and outlets with their aliases, and the
line shapes (photo credits, editor lines, promos) that look like bylines but are not.

Used by ``fields.bylines``; all matching is case-insensitive unless noted.
"""

#: Words that open a byline, per language. A prefix ending in a colon (or a CJK prefix)
#: needs no space after it; the others do.
PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("Written by", "Words by", "Reporting by", "Story by", "Text by", "Posted by", "Article by", "By",
           "From"),
    "fr": ("Écrit par", "Publié par", "Par"),
    "es": ("Escrito por", "Publicado por", "Por"),  # also Portuguese
    "de": ("Geschrieben von", "Veröffentlicht von", "Ein Artikel von", "Ein Beitrag von", "Von", "Autor:",
           "Autorin:"),
    "it": ("Scritto da", "Di", "Da"),
    "nl": ("Geschreven door", "Geplaatst door", "Door"),
    "ru": ("Автор:", "Текст:"),
    "zh": ("作者：", "作者:", "记者"),
}

#: Characters that open a list item or a quote attribution ("• News", "– Jane Doe, Writer"):
#: such a line is a byline only with a byline word or label after the mark.
BULLETS: str = "•·*▪◦‣-–—»›>|"

#: Prefixes that are also ordinary words at the start of a sentence ("From the archive",
#: "Di Maio said"): a line opened by one of these is a weaker byline signal.
WEAK_PREFIXES: tuple[str, ...] = ("From", "Di", "Da")

#: Field labels (followed by ":") whose value is a byline: the value is read as labelled.
LABELS: tuple[str, ...] = (
    "byline", "by-line", "by", "author", "authors", "author(s)", "writer", "writers", "written by",
    "reporter", "reporters", "autor", "autoren", "autorin", "auteur", "auteurs",
    "autore", "autori", "autores", "auteur(s)", "von", "par", "por", "door", "автор", "авторы",
    "作者", "记者",
)

#: Openings that mark a photo credit, an editor line, a promo or a relative time: never a byline.
REJECT_OPENINGS: tuple[str, ...] = (
    "photograph", "photographs", "photo", "photos", "photo credit", "foto", "fotos", "bild",
    "bildquelle", "quelle", "image", "images", "picture", "pictures", "illustration", "graphic",
    "credit", "credits", "source", "sources", "copyright", "©", "(c)", "powered by", "recommended by",
    "sponsored by", "presented by", "supported by", "paid for by", "brought to you by", "follow",
    "hours ago", "minutes ago", "days ago", "责任编辑", "编辑", "来源", "图片来源", "摄影",
)

#: Phrases inside a line that mark a photo or video credit rather than a byline.
CREDIT_MARKERS: tuple[str, ...] = (
    "getty images", "shutterstock", "istock", "alamy", "via reuters", "via ap", "epa-efe",
    "afp via getty", "sipa", "zuma", "rex features",
)

#: Words joining two names, case-insensitive (and "&").
CONJUNCTIONS: tuple[str, ...] = ("and", "und", "et", "en", "with", "avec", "mit", "con", "com", "met")

#: One-letter conjunctions, matched in lowercase only so a middle initial ("Jane E Doe") survives.
LOWERCASE_CONJUNCTIONS: tuple[str, ...] = ("e", "y", "и", "i")

#: Words that open a parenthesis of co-authors: "Marie Dupont (avec Paul Martin et Luc Bernard)".
WITH_WORDS: tuple[str, ...] = ("with", "avec", "mit", "con", "com", "met", "при участии", "and", "et")

#: Words after a name that introduce the name's outlet: "Jane Doe of The New York Times".
OUTLET_LEADS: tuple[str, ...] = ("of", "for", "at", "für", "pour", "para", "per", "voor")

#: Words after a name that introduce a place, which is dropped: "Jane Doe in Kyiv"; a later part
#: opened by one ("... · in Uncategorized") is a category line and is dropped too.
PLACE_LEADS: tuple[str, ...] = ("in", "à", "aus", "from", "en")

#: Openings of a role phrase that credits an outlet: "Special to The Washington Post".
OUTLET_ROLE_LEADS: tuple[str, ...] = ("special to", "exclusive to", "exclusively for", "special for")

#: Parts of a byline that credit someone other than the writer; the part is dropped.
NON_AUTHOR_LEADS: tuple[str, ...] = ("editing by", "edited by", "compiled by", "graphics by",
                                     "photos by", "photography by", "video by", "illustrations by")

#: Parts that credit writers after a lead of their own: "Additional reporting by Ann Lee".
AUTHOR_LEADS: tuple[str, ...] = ("additional reporting by", "additional reporting from", "reporting by",
                                 "writing by", "written by", "reported by", "interview by", "text by")

#: Head words of a role: a part ending in one of these ("Staff Writer", "Senior Correspondent",
#: "Moscow Correspondent") is a role, dropped from the authors.
ROLE_HEADS: tuple[str, ...] = (
    "writer", "writers", "reporter", "reporters", "correspondent", "correspondents", "editor", "editors",
    "contributor", "contributors", "columnist", "photographer", "photojournalist", "analyst", "producer",
    "journalist", "critic", "reviewer", "blogger", "intern", "researcher", "commentator", "staff",
    "staffer", "reporting", "photography", "photos", "video", "graphics", "illustration", "illustrations",
    "correspondant", "correspondante", "journaliste", "envoyé", "envoyée", "rédaction", "rédacteur",
    "korrespondent", "korrespondentin", "redakteur", "redakteurin", "redaktion", "corresponsal",
    "periodista", "redacción", "corrispondente", "giornalista", "redazione", "correspondente",
    "jornalista", "verslaggever", "redacteur", "redactie", "корреспондент", "обозреватель", "журналист",
    "team", "desk",
)

#: Words that qualify a role ("Senior", "Chief Political", "Special") and are dropped with it.
ROLE_MODIFIERS: tuple[str, ...] = (
    "senior", "chief", "foreign", "political", "economics", "economic", "business", "science", "health",
    "technology", "tech", "sports", "sport", "deputy", "managing", "contributing", "associate", "special",
    "staff", "national", "international", "security", "defence", "defense", "diplomatic", "investigative",
    "environment", "climate", "culture", "arts", "education", "legal", "crime", "news", "digital",
    "assistant", "executive", "editorial", "regional", "local", "city", "global", "world", "data",
    "visual", "photo", "freelance",
    "additional", "spécial", "spéciale", "leitender", "leitende", "freier", "freie",
)

#: Byline values that credit nobody in particular: kept as the byline text, no author, no agency.
STAFF_PHRASES: tuple[str, ...] = (
    "staff", "staff reports", "staff report", "staff writer", "staff writers", "staff reporter",
    "staff and wire reports", "staff and agencies", "wire reports", "wire services", "wire staff",
    "news desk", "newsdesk", "news staff", "editorial staff", "editorial board", "the editorial board",
    "web desk", "digital desk", "our correspondent", "our reporter", "a correspondent", "our foreign staff",
    "agencies", "news agencies", "redaktion", "rédaction", "redacción", "redazione", "redactie",
    "редакция",
)

#: Words after an agency name that still credit only the agency: "Reuters staff", "AFP reporters".
AGENCY_STAFF_WORDS: tuple[str, ...] = ("staff", "staffers", "reporters", "reporter", "journalists",
                                       "correspondents", "wire", "writers", "editors")

#: Wire services and outlets: canonical name -> aliases (all compared case-insensitively, with dots
#: dropped, hyphens read as spaces and a leading "The" optional). The canonical name is the short
#: form the service signs with: "Associated Press" -> "AP", "Agence France-Presse" -> "AFP",
#: "BBC" -> "BBC News". "Staff" is a role, not an agency, and so is not here.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("Associated Press", "AP News", "APNews", "AP wire"),
    "Reuters": ("Thomson Reuters", "Рейтер", "Reuters News", "路透社"),
    "AFP": ("Agence France-Presse", "Agence France Presse", "AFP News", "Франс Пресс", "法新社"),
    "TASS": ("ТАСС", "ITAR-TASS", "ИТАР-ТАСС"),
    "RIA Novosti": ("РИА Новости", "RIA", "РИА"),
    "Interfax": ("Интерфакс", "Interfax-Ukraine", "Интерфакс-Украина"),
    "dpa": ("Deutsche Presse-Agentur", "Deutsche Presse Agentur"),
    "EFE": ("Agencia EFE",),
    "ANSA": ("Agenzia ANSA",),
    "Xinhua": ("Xinhua News Agency", "新华社", "Синьхуа"),
    "Kyodo": ("Kyodo News", "共同通信"),
    "Yonhap": ("Yonhap News Agency", "Yonhap News", "연합뉴스"),
    "UPI": ("United Press International",),
    "Bloomberg": ("Bloomberg News",),
    "CNN": ("CNN Wire", "CNN Wire Service"),
    "BBC News": ("BBC", "BBC World Service", "Би-би-си"),
    "PA": ("PA Media", "Press Association", "PA Wire"),
    "AAP": ("Australian Associated Press",),
    "The Canadian Press": ("Canadian Press", "CP"),
    "NPR": ("National Public Radio",),
    "Anadolu": ("Anadolu Agency", "Anadolu Ajansı"),
    "KNA": ("Katholische Nachrichten-Agentur",),
    "epd": ("Evangelischer Pressedienst",),
    "APA": ("Austria Presse Agentur",),
    "SDA": ("Keystone-SDA", "Schweizerische Depeschenagentur"),
    "Belga": ("Agence Belga",),
    "ANP": ("Algemeen Nederlands Persbureau",),
    "Europa Press": (),
    "Lusa": ("Agência Lusa",),
    "PAP": ("Polska Agencja Prasowa", "Polish Press Agency"),
    "CTK": ("ČTK", "Česká tisková kancelář"),
    "UNIAN": ("УНІАН", "УНИАН"),
    "Ukrinform": ("Укрінформ", "Укринформ"),
    "Al Jazeera": ("Al Jazeera English", "Aljazeera"),
    "Sky News": (),
    "Fox News": (),
    "NBC News": (),
    "CBS News": (),
    "ABC News": (),
    "The New York Times": ("New York Times", "NYT", "NYTimes"),
    "The Washington Post": ("Washington Post",),
    "The Guardian": ("Guardian", "Guardian staff"),
    "The Moscow Times": ("Moscow Times",),
}

#: Lowercase words allowed inside an organisation's name ("Times of India", "Frankfurter Allgemeine
#: Zeitung für Deutschland").
ORG_CONNECTORS: tuple[str, ...] = ("of", "the", "and", "&", "de", "du", "la", "le", "di", "der", "die", "das",
                                   "for", "für")

#: Possessive endings that join an outlet to a name: "CNN's Jane Doe", "Reuters' Jane Doe".
POSSESSIVE_MARKS: tuple[str, ...] = ("'s ", "’s ", "s' ", "s’ ")

#: Characters that separate the parts of a byline ("Jane Doe; John Roe | Reuters", "张伟、李娜").
SEPARATOR_CHARS: str = ";|｜•·、，,；"

#: Characters trimmed from both ends of a byline part.
EDGE_PUNCTUATION: str = " ,;:|•·–—-/\t"

#: Unicode ranges of scripts written without spaces between given and family name (CJK, kana,
#: Hangul): such a name is one token of two to four characters.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3400, 0x4DBF),  # CJK Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
)

#: Invisible characters removed before reading (zero-width spaces, soft hyphens).
INVISIBLE_CHARS: str = "\u200b\u200c\u200d\u2060\ufeff\u00ad"

#: Words that make an unknown name an organisation ("Acme Daily News", "Springfield Herald").
ORG_WORDS: tuple[str, ...] = (
    "news", "times", "press", "herald", "tribune", "journal", "gazette", "daily", "media", "agency",
    "network", "radio", "television", "tv", "wire", "chronicle", "telegraph", "magazine", "newspaper",
    "zeitung", "nachrichten", "agentur", "agence", "agencia", "agenzia", "presse", "observer",
)

#: Honorifics dropped from author names (kept in the byline text): "Dr. Jane Doe" -> "Jane Doe".
HONORIFICS: tuple[str, ...] = ("dr", "prof", "professor", "mr", "mrs", "ms", "mx", "rev", "dott", "ing")

#: Lowercase name particles: "Jan de Vries", "Ludwig van Beethoven", "Ahmed bin Salman".
PARTICLES: tuple[str, ...] = (
    "van", "von", "de", "da", "del", "della", "der", "den", "di", "du", "des", "dos", "das", "do", "la",
    "le", "lo", "bin", "bint", "ibn", "al", "el", "ter", "ten", "zu", "af", "av", "y", "e",
)

#: Lowercase openings glued to a surname: "al-Assad", "d'Alembert", "l'Heureux".
PARTICLE_PREFIXES: tuple[str, ...] = ("al-", "el-", "ad-", "as-", "ash-", "at-", "d'", "d’", "l'", "l’")

#: Name suffixes allowed after a name: "John Roe Jr."
NAME_SUFFIXES: tuple[str, ...] = ("jr", "sr", "ii", "iii", "iv")

#: Words never part of a person's name: a "name" holding one is a phrase, a menu or a promo.
NOT_NAME_WORDS: tuple[str, ...] = (
    "the", "a", "an", "of", "and", "or", "in", "on", "at", "to", "for", "with", "from", "by", "this",
    "that", "these", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
    "can", "you", "your", "our", "we", "it", "its", "my", "me", "us", "they", "their", "he", "she",
    "follow", "author", "authors", "share", "subscribe", "sign", "login", "log", "updated", "published",
    "posted", "comments", "comment", "advertisement", "sponsored", "hours", "hour",
    "minutes", "minute", "mins", "seconds", "days", "ago", "today", "yesterday", "photo", "photos",
    "image", "images", "getty", "video", "videos", "email", "print", "home", "menu", "search", "news",
    "staff", "contact", "click", "accept", "terms", "privacy", "cookies", "cookie", "powered",
    "recommended", "opinion", "analysis", "live", "breaking", "update", "world", "politics", "business",
    "sport", "sports", "about", "view", "profile", "all", "posts", "articles", "stories", "bio",
    "newsletter", "editor", "editors", "reporter", "correspondent", "writer", "contributor", "columnist",
    "twitter", "facebook", "instagram", "linkedin", "whatsapp", "telegram", "reddit", "copy",
    "continue", "reading", "listen", "close", "open", "next", "previous",
    "section", "topics", "tags", "related", "latest", "popular", "free",
    "trial", "register", "account", "settings", "help", "new", "not", "no", "yes", "as", "after",
    "over", "into", "says", "said", "amid", "against", "up", "out", "off", "but", "if", "than", "then",
    "so", "before", "under", "why", "how", "what", "when", "who", "where", "here", "there", "now",
    "name", "admin", "administrator", "user", "guest", "anonymous",
)

#: Month names and abbreviations that start a date glued to the end of a byline.
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Jän", "Mär", "Okt", "Dez",
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
    "novembre", "décembre",
    "Januar", "Februar", "März", "Juni", "Juli", "Oktober", "Dezember",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
    "noviembre", "diciembre",
    "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    "januari", "februari", "maart", "mei", "augustus",
    "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
    "ноября", "декабря",
)

#: Weekday names that may stand before such a date ("Tuesday, February 4, 2025").
WEEKDAYS: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonnabend", "Sonntag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
)

#: Words that open a date-time and are handed back with it ("Updated 3:30 PM").
DATE_KEYWORDS: tuple[str, ...] = ("updated", "last updated", "published", "posted", "posted on",
                                  "veröffentlicht", "aktualisiert", "publié", "mis à jour", "publicado",
                                  "pubblicato", "опубликовано", "обновлено")

#: Lowercase words that may stand in a date-time glued to a name ("12:41 pm est", "2 hours ago");
#: any other lowercase word means the "date" opens a sentence.
DATE_WORDS: tuple[str, ...] = ("ago", "hours", "hour", "minutes", "mins", "days", "weeks", "uhr", "est",
                               "edt", "cet", "cest", "gmt", "utc", "bst", "and", "at", "um", "à", "updated",
                               "published", "posted")

#: Connecting words between a byline and its date, dropped: "By Jane Doe on May 4, 2025".
DATE_CONNECTORS: tuple[str, ...] = ("on", "le", "am", "el", "il", "em", "op", "at", "|", "-", "–", "—",
                                    "•", "·", ",", "/")

#: Regex sources for the start of a date glued to a byline, besides "<Month> <day>" and
#: "<day> <Month>" built from ``MONTHS``.
DATE_START_PATTERNS: tuple[str, ...] = (
    r"\d{4}-\d{1,2}-\d{1,2}",          # 2025-02-04
    r"\d{1,2}[./]\d{1,2}[./]\d{2,4}",  # 04.02.2025, 2/4/25
    r"\d{1,2}:\d{2}",                  # 12:41
    r"\d{4}年",                        # 2025年2月4日
    r"\d{1,3} (?:minutes?|mins?|hours?|hrs?|days?|weeks?) ago",  # 2 hours ago
)

#: A byline line longer than this is prose, not a byline; labelled values may be longer
#: (metadata lists of many authors).
MAX_CHARS: int = 300
MAX_LABELLED_CHARS: int = 1500

#: Words left after the byline word and a glued date are cut off: more than this is prose.
MAX_WORDS: int = 20
MAX_LABELLED_WORDS: int = 200

#: A date glued after bare names ("Jane Doe 4 May 2025", no byline word) is at most this long.
MAX_GLUED_DATE_CHARS: int = 40

#: A date before the byline word ("4 May 2025 von Jane Doe") is at most this long.
MAX_LEAD_DATE_CHARS: int = 60

#: A person's name has at most this many words (honorifics not counted).
MAX_NAME_WORDS: int = 5

#: A CJK name (no spaces) has this many characters at most.
MAX_CJK_NAME_CHARS: int = 4
