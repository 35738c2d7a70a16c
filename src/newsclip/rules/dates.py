"""Date vocabulary as data: month and weekday names, zones, labels, relative-time words.

Keys are lower case; the date normaliser matches them case-insensitively
(zone abbreviations excepted: those are matched in upper case only, so the
French ``et`` is never read as US Eastern time).
"""

from __future__ import annotations

# --------------------------------------------------------------------------- months

#: Month name or abbreviation (lower case, no trailing dot) -> month number.
#: Languages: en, fr, de, es, it, pt, nl, ru (nominative and genitive), plus
#: accent-less spellings that plain-text dumps often carry.
MONTHS: dict[str, int] = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    "janv": 1, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "avr": 4, "juil": 7, "déc": 12,
    # German
    "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "maerz": 3,
    "marz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "jän": 1, "mär": 3, "mrz": 3, "okt": 10, "dez": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
    "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    "gen": 1, "mag": 5, "giu": 6, "lug": 7, "set": 9, "ott": 10,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "dezembro": 12,
    "out": 10,
    # Dutch
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8, "mrt": 3,
    # Russian: nominative, genitive ("15 марта"), abbreviations
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7,
    "август": 8, "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8,
    "сен": 9, "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}

# --------------------------------------------------------------------------- weekdays

#: Full weekday names: allowed before a date and after it ("January 11, 2010 Monday").
WEEKDAYS_LONG: tuple[str, ...] = (
    # en
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    # fr
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    # de
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
    # es
    "lunes", "martes", "miércoles", "miercoles", "jueves", "viernes", "sábado", "sabado", "domingo",
    # it
    "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi",
    "venerdì", "venerdi", "sabato", "domenica",
    # pt
    "segunda-feira", "terça-feira", "terca-feira", "quarta-feira", "quinta-feira", "sexta-feira",
    "segunda", "terça", "terca", "quarta", "quinta", "sexta",
    # nl
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    # ru
    "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
)

#: Weekday abbreviations: allowed only before a date ("Thu 3 Jan 2019", "Wed, 02 Nov 2016").
WEEKDAYS_SHORT: tuple[str, ...] = (
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
    "mo", "di", "mi", "do", "fr", "sa", "so",
    "mié", "mie", "jue", "vie", "sáb", "sab", "dom",
    "gio",
    "seg", "ter", "qua", "qui", "sex",
    "ma", "wo", "vr", "za", "zo",
    "пн", "вт", "ср", "чт", "пт", "сб", "вс",
)

# --------------------------------------------------------------------------- date glue

#: Ordinal endings after a day number: "7th", "1er", "1º".
ORDINALS: tuple[str, ...] = ("st", "nd", "rd", "th", "er", "º", "°", "ª")

#: Words between day and month or month and year: "16 de julio de 2026", "1st of May 2025".
DATE_PARTICLES: tuple[str, ...] = ("de", "del", "of")

#: Words after the year: "15 марта 2025 г.", "2025 года".
YEAR_SUFFIXES: tuple[str, ...] = ("г.", "года", "г")

#: Words between a date and its time: "at 6:01 am", "à 13h36", "às 12h55", "um 14:05".
TIME_CONNECTORS: tuple[str, ...] = (
    "at", "à", "a las", "a la", "alle", "ore", "às", "as", "um", "om", "kl.", "klo", "в", "о",
)

#: Twelve-hour markers (the first letter tells a from p).
AMPM: tuple[str, ...] = ("a.m.", "p.m.", "a.m", "p.m", "am", "pm")

#: Words after a time: "14:05 Uhr", "20:00 h", "1400 hrs".
HOUR_SUFFIXES: tuple[str, ...] = ("uhr", "h", "hs", "hrs", "ч.")

#: Words that are a time of day on their own.
MIDNIGHT_WORDS: tuple[str, ...] = (
    "midnight", "minuit", "mitternacht", "medianoche", "mezzanotte", "meia-noite", "middernacht",
    "полночь",
)
NOON_WORDS: tuple[str, ...] = (
    "noon", "midday", "midi", "mittag", "mediodía", "mediodia", "mezzogiorno", "meio-dia", "полдень",
)

# --------------------------------------------------------------------------- time zones

#: Zone abbreviation (upper case) -> fixed UTC offset.
ZONE_OFFSETS: dict[str, str] = {
    "UTC": "+00:00", "GMT": "+00:00", "Z": "+00:00", "UT": "+00:00",
    "EST": "-05:00", "EDT": "-04:00",
    "CST": "-06:00", "CDT": "-05:00",
    "MST": "-07:00", "MDT": "-06:00",
    "PST": "-08:00", "PDT": "-07:00",
    "BST": "+01:00",
    "CET": "+01:00", "CEST": "+02:00", "MEZ": "+01:00", "MESZ": "+02:00",
    "EET": "+02:00", "EEST": "+03:00",
    "MSK": "+03:00",
    "IST": "+05:30",
    "JST": "+09:00", "KST": "+09:00",
    "HKT": "+08:00", "SGT": "+08:00",
    "AEST": "+10:00", "AEDT": "+11:00",
}

#: Zone abbreviation whose offset follows daylight saving on the date:
#: abbreviation -> (IANA zone, standard offset, summer offset).
DST_ZONES: dict[str, tuple[str, str, str]] = {
    "ET": ("America/New_York", "-05:00", "-04:00"),
    "CT": ("America/Chicago", "-06:00", "-05:00"),
    "MT": ("America/Denver", "-07:00", "-06:00"),
    "PT": ("America/Los_Angeles", "-08:00", "-07:00"),
}

# --------------------------------------------------------------------------- labels

#: Label words before a date -> the kind of date they announce. Matched as whole
#: words, case-insensitively, the longest first.
LABELS: dict[str, tuple[str, ...]] = {
    "published": (
        "published", "published on", "published at", "first published", "originally published",
        "date published", "publication date", "publish date", "pub date", "posted", "posted on",
        "posted at", "released", "issued",
        "publicado", "publicado el", "publicado em", "publicada", "publicada el", "publicada em",
        "fecha de publicación", "data de publicação",
        "pubblicato", "pubblicato il", "pubblicata il", "data di pubblicazione",
        "veröffentlicht", "veröffentlicht am", "erschienen", "erschienen am",
        "publié", "publié le", "publiée le", "mis en ligne le", "mis en ligne",
        "gepubliceerd", "gepubliceerd op", "geplaatst", "geplaatst op",
        "опубликовано", "опубликован", "дата публикации",
        "发布时间", "发布于", "发布日期", "發布時間", "發佈時間", "公開日", "입력",
    ),
    "updated": (
        "updated", "updated on", "updated at", "last updated", "last updated on", "last updated at",
        "last modified", "modified", "modified on", "modified at", "date modified", "revised",
        "mis à jour", "mis à jour le", "mise à jour", "mise à jour le", "actualisé le",
        "aktualisiert", "aktualisiert am", "zuletzt aktualisiert", "geändert", "geändert am",
        "actualizado", "actualizado el", "actualizada", "actualizada el", "última actualización",
        "aggiornato", "aggiornato il", "aggiornata il", "ultimo aggiornamento",
        "atualizado", "atualizado em", "atualizada em", "atualização",
        "bijgewerkt", "bijgewerkt op", "laatst bijgewerkt", "gewijzigd", "gewijzigd op",
        "обновлено", "обновлен", "изменено",
        "更新时间", "更新於", "更新日", "更新", "수정",
    ),
    "captured": (
        "scraped", "scraped at", "scraped on", "captured", "captured at", "captured on",
        "collected", "collected at", "collected on", "retrieved", "retrieved at", "retrieved on",
        "accessed", "accessed at", "accessed on", "date accessed", "date retrieved",
        "clipped", "clipped at", "clipped on", "saved", "saved at", "saved on",
        "archived", "archived at", "archived on", "downloaded", "downloaded at", "downloaded on",
        "fetched", "fetched at", "crawled", "crawled at", "crawl date",
        "load-date", "load date", "created", "created at", "created on", "date created",
        "abgerufen am", "consulté le", "consultado el", "consultado em", "consultato il",
    ),
}

#: Generic words that are a publication-date label only when a colon follows: "Date: …".
COLON_LABELS: tuple[str, ...] = (
    "date", "dated", "datum", "fecha", "data", "date de publication", "дата", "日期", "时间", "time",
)

#: Short words that may sit between a label and its date in a date-only line: "Posted on".
DATE_LINE_FILLERS: tuple[str, ...] = (
    "on", "at", "le", "la", "el", "il", "em", "am", "op", "den", "de", "du", "à", "um", "om", "в",
)

# --------------------------------------------------------------------------- relative dates

#: Unit word -> unit ("seconds", "minutes", "hours", "days", "weeks").
RELATIVE_UNITS: dict[str, str] = {
    **dict.fromkeys((
        "second", "seconds", "sec", "secs",
        "sekunde", "sekunden", "seconde", "secondes", "segundo", "segundos", "secondo", "secondi",
        "seconden", "секунду", "секунды", "секунд", "sekundou", "sekundami",
    ), "seconds"),
    **dict.fromkeys((
        "minute", "minutes", "min", "mins", "m",
        "minuten", "minuto", "minutos", "minuti", "minuut",
        "минуту", "минуты", "минут", "minutou", "minutami",
    ), "minutes"),
    **dict.fromkeys((
        "hour", "hours", "hr", "hrs", "h",
        "stunde", "stunden", "heure", "heures", "hora", "horas", "ora", "ore", "uur", "uren",
        "час", "часа", "часов", "hodinou", "hodinami",
    ), "hours"),
    **dict.fromkeys((
        "day", "days", "d",
        "tag", "tagen", "jour", "jours", "día", "días", "dia", "dias", "giorno", "giorni",
        "dag", "dagen", "день", "дня", "дней", "dnem", "dny",
    ), "days"),
    **dict.fromkeys((
        "week", "weeks", "wk", "wks",
        "woche", "wochen", "semaine", "semaines", "semana", "semanas", "settimana", "settimane",
        "weken", "неделю", "недели", "недель", "týdnem", "týdny",
    ), "weeks"),
}

#: Words after "<number> <unit>" that make it a time in the past: "2 hours ago".
RELATIVE_SUFFIXES: tuple[str, ...] = ("ago", "geleden", "fa", "назад")

#: Words before "<number> <unit>" that make it a time in the past: "vor 2 Stunden".
RELATIVE_PREFIXES: tuple[str, ...] = ("vor", "il y a", "hace", "há", "ha", "před", "pred")

#: Number words usable in place of a count: "an hour ago", "vor einer Stunde".
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3,
    "ein": 1, "eine": 1, "einer": 1, "einem": 1, "zwei": 2, "drei": 3,
    "un": 1, "une": 1, "deux": 2, "trois": 3,
    "una": 1, "uno": 1, "dos": 2, "tres": 3, "due": 2, "tre": 3,
    "um": 1, "uma": 1, "duas": 2, "três": 3,
    "een": 1, "één": 1, "twee": 2, "drie": 3,
    "одну": 1, "один": 1, "два": 2, "две": 2, "три": 3,
}

#: Day words -> days before the reference day: "yesterday" = 1, "today" = 0.
DAY_WORDS: dict[str, int] = {
    "today": 0, "yesterday": 1,
    "heute": 0, "gestern": 1, "vorgestern": 2,
    "aujourd'hui": 0, "aujourd’hui": 0, "hier": 1, "avant-hier": 2,
    "hoy": 0, "ayer": 1, "anteayer": 2,
    "oggi": 0, "ieri": 1, "l'altro ieri": 2,
    "hoje": 0, "ontem": 1, "anteontem": 2,
    "vandaag": 0, "gisteren": 1, "eergisteren": 2,
    "сегодня": 0, "вчера": 1, "позавчера": 2,
    "dnes": 0, "včera": 1, "předevčírem": 2,
}
