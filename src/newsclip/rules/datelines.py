"""The shapes of datelines that open a body: ``WASHINGTON (Reuters) -``, ``SEOUL —``, ``(CNN) —``,
``МОСКВА, 2 мая — РИА Новости.``, ``МОСКВА, 22 января. /ТАСС/.``

Each is a regex source built from named parts; ``fields.dateline`` compiles them.
"""

#: An all-capitals place name of one to five words ("NEW YORK", "KYIV", "RIO DE JANEIRO", "МОСКВА").
PLACE = r"(?P<place>[A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ.'’\-]{1,24}(?: [A-ZÀ-ÖØ-ÞА-ЯЁ][A-ZÀ-ÖØ-ÞА-ЯЁ.'’\-]{1,24}){0,4})"
#: Punctuation that may follow a place's first capital ("U.S.", "N'DJAMENA"), besides another capital.
PLACE_SECOND_CHARS: tuple[str, ...] = (".", "'", "’", "-")
#: An optional region or country in ordinary case after a comma ("KYIV, Ukraine", "Calif.").
REGION = r"(?:, (?P<region>[A-Z][\w.'’\-]{1,24}(?: [A-Z][\w.'’\-]{1,24}){0,2}))?"
#: An optional day without a year ("Jan 27", "2 мая", "22 января.") — never a publication date.
DAY = r"(?:, (?:[A-Za-zА-Яа-яё]{3,10}\.? \d{1,2}|\d{1,2} [A-Za-zА-Яа-яё]{3,10})(?:,? \d{4})?\.?)?"
#: The credited agency: "(Reuters)", "(AP)", "/ТАСС/".
AGENCY = r"(?: ?\((?P<agency>[^()\n]{2,30})\)| ?/(?P<agency2>[^/\n]{2,20})/)"
#: The dash (or full stop) that ends a dateline.
DASH = r" ?(?:--|[-—–]|\.)"
#: Agency after the dash: "МОСКВА, 2 мая — РИА Новости."
TRAILING_AGENCY = r" (?P<agency3>[A-ZА-ЯЁ][\w]{1,15}(?: [A-ZА-ЯЁ][\w]{1,15})?)\."

DATELINE_PATTERNS: tuple[str, ...] = (
    # WASHINGTON (Reuters) -  /  HOUSTON, Jan 27 (Reuters) -  /  МОСКВА, 22 января. /ТАСС/.
    rf"{PLACE}{REGION}{DAY}{AGENCY}{DASH}",
    # МОСКВА, 2 мая — РИА Новости.
    rf"{PLACE}{REGION}{DAY} [—–-]{TRAILING_AGENCY}",
    # SEOUL —  /  KYIV, Ukraine —
    rf"{PLACE}{REGION}{DAY} ?(?:--|[—–]| -) ",
    # WASHINGTON--Solar ...  (no spaces round a double hyphen)
    rf"{PLACE}{REGION}{DAY}--(?=[A-Z])",
    # (CNN) —
    r"\((?P<agency>[A-Z][A-Za-z ]{1,20})\) ?(?:--|[—–-]) ",
)
